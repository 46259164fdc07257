import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { predict } from '@switchboard/runtime';
import type { NodeModel } from './useNodeModel';

const percent = (v: number) => `${Math.round(v * 100)}%`;

export interface ModelCheckProps {
  /** The step's model as published and its clashes (see useNodeModel); null while there is nothing to learn. */
  checked: NodeModel | null;
  /** Display name of an intent id. */
  nameOf: (id: string) => string;
}

/**
 * What the trained model makes of the staff's phrases: pairs of intents it mixes up, and where a
 * message typed here would go. Both come from the model a published flow runs, not a stand-in.
 */
export function ModelCheck({ checked, nameOf }: ModelCheckProps) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const [text, setText] = useState('');
  const model = checked?.model ?? null;
  const close = checked?.close ?? [];
  const tried = model && text.trim() !== '' ? predict(model, text) : null;

  let verdict: string | null = null;
  if (model && tried) {
    const best = tried.ranking[0];
    const values = { threshold: percent(model.threshold), confidence: percent(tried.confidence), name: best ? nameOf(best.intent) : '' };
    if (tried.intent !== null) verdict = t('check.goesTo', { ...values, name: nameOf(tried.intent) });
    else if (tried.confidence >= model.threshold && tried.confidence > 0) verdict = t('check.none');
    else verdict = t('check.asksAgain', values);
  }

  return (
    <fieldset className="sb-insp-group sb-model-check" data-testid="model-check">
      <legend className="sb-insp-group__title">{t('check.title')}</legend>
      {model === null ? (
        <p className="sb-field__hint">{t('check.training')}</p>
      ) : (
        <>
          <p className="sb-field__hint">{t('check.hint')}</p>
          {close.length === 0 ? (
            <p className="sb-model-check__ok">{t('check.noClashes')}</p>
          ) : (
            <ul className="sb-model-check__close" aria-label={t('check.closeList')}>
              {close.map((pair) => (
                <li key={`${pair.a}\u0000${pair.b}`} className="sb-model-check__pair">
                  <span>{t('check.close', { a: nameOf(pair.a), b: nameOf(pair.b) })}</span>
                  <ul>
                    {pair.phrases.map((p) => (
                      <li key={p}>“{p}”</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          <label htmlFor={id} className="sb-field__label">
            {t('check.tryLabel')}
          </label>
          <input id={id} className="sb-input" value={text} maxLength={500} placeholder={t('check.tryPlaceholder')} onChange={(e) => setText(e.target.value)} />
          {verdict && (
            <p className="sb-model-check__verdict" role="status">
              {verdict}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
