import { useTranslation } from 'react-i18next';
import type { PhraseAddition } from '@switchboard/runtime';

const KEY: Record<PhraseAddition['kind'], string> = { intent: 'changes.learnedIntent', faq: 'changes.learnedFaq', choice: 'changes.learnedChoice' };

/** The phrases steps learned since the live version (from the review of unrecognised messages or typed by hand), in plain words. */
export function PhraseChanges({ additions }: { additions: PhraseAddition[] }) {
  const { t } = useTranslation('preview');
  if (additions.length === 0) return null;
  return (
    <section className="cs-learned" data-testid="phrase-changes" aria-label={t('changes.learned')}>
      <p className="cs-learned__title">{t('changes.learned')}</p>
      <ul className="cs-list">
        {additions.map((a) => (
          <li key={`${a.nodeId}/${a.entryId}`} className="cs-item cs-item--learned">
            {t(KEY[a.kind], { name: a.entryLabel, count: a.phrases.length })}
            <span className="cs-phrases">
              {a.phrases.map((p) => (
                <q key={p} className="cs-phrase">
                  {p}
                </q>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
