import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { untouchedDefaultTexts, type DefaultTextChange } from '@switchboard/runtime';
import { localeName, localeOptions } from '../../i18n/localeOptions';
import { Button } from '../../ui';
import { useEditorStore } from '../store';

interface Offer {
  to: string;
  changes: DefaultTextChange[];
}

/** Writes the new language's defaults where the old ones still stand, as one undoable change per text. */
function applyTranslations(changes: DefaultTextChange[]) {
  const store = useEditorStore.getState();
  for (const change of changes) {
    const s = useEditorStore.getState();
    if (change.at.kind === 'fallback') s.updateMeta({ settings: { ...s.meta.settings, fallbackText: change.to } });
    else if (change.at.kind === 'offline') s.updateMeta({ settings: { ...s.meta.settings, handoff: { ...s.meta.settings.handoff, offlineText: change.to } } });
    else {
      const node = s.nodeById.get(change.at.nodeId);
      if (node && 'text' in node.data) store.updateNodeData(node.id, { ...node.data, text: change.to } as typeof node.data);
    }
  }
}

/**
 * The conversation's language, picked from a list. Switching it offers to translate the texts
 * that still read exactly as the old language's defaults (greeting, fallback, offline, rating).
 */
export function FlowLanguageField() {
  const { t, i18n } = useTranslation('panels');
  const locale = useEditorStore((s) => s.meta.locale);
  const [offer, setOffer] = useState<Offer | null>(null);

  function choose(next: string) {
    const s = useEditorStore.getState();
    const changes = untouchedDefaultTexts(s.toDocument(), locale, next);
    s.updateMeta({ locale: next });
    setOffer(changes.length > 0 ? { to: next, changes } : null);
  }

  return (
    <div className="sb-field">
      <label htmlFor="sb-flow-locale" className="sb-field__label">
        {t('settings.locale')}
      </label>
      <select id="sb-flow-locale" className="sb-select" value={locale} aria-describedby="sb-flow-locale-help" onChange={(e) => choose(e.target.value)}>
        {localeOptions(i18n.language, locale).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <span id="sb-flow-locale-help" className="sb-field__hint">
        {t('settings.localeHelp')}
      </span>
      {offer && (
        <div className="sb-translate-offer" role="status">
          <p>{t('settings.translateOffer', { count: offer.changes.length, language: localeName(offer.to, i18n.language) })}</p>
          <ul>
            {offer.changes.map((c, i) => (
              <li key={i}>{t('settings.translateItem', { from: c.from, to: c.to })}</li>
            ))}
          </ul>
          <div className="sb-translate-offer__actions">
            <Button
              size="sm"
              variant="primary"
              onClick={() => {
                applyTranslations(offer.changes);
                setOffer(null);
              }}
            >
              {t('settings.translate')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setOffer(null)}>
              {t('settings.keepTexts')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
