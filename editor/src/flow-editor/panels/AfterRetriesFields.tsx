import { useTranslation } from 'react-i18next';
import { defaultAfterRetriesText, type AfterRetries } from '@switchboard/runtime';
import { useEditorStore } from '../store';

function patchAfterRetries(patch: Partial<AfterRetries>) {
  const s = useEditorStore.getState();
  const next: AfterRetries = { ...s.meta.settings.afterRetries, ...patch };
  // An empty text means "the default in the flow's language", which follows later language changes.
  if (!next.text) delete next.text;
  s.updateMeta({ settings: { ...s.meta.settings, afterRetries: next } });
}

/**
 * What a question or choice does when its retries run out and its "Invalid answer" /
 * "Didn't match" exit is not connected: without this the customer would be asked forever.
 */
export function AfterRetriesFields() {
  const { t } = useTranslation('panels');
  const afterRetries = useEditorStore((s) => s.meta.settings.afterRetries);
  const locale = useEditorStore((s) => s.meta.locale);
  return (
    <>
      <div className="sb-field">
        <label htmlFor="sb-after-retries" className="sb-field__label">
          {t('settings.afterRetries')}
        </label>
        <select
          id="sb-after-retries"
          className="sb-input"
          value={afterRetries.action}
          aria-describedby="sb-after-retries-help"
          onChange={(e) => patchAfterRetries({ action: e.target.value === 'end' ? 'end' : 'handoff' })}
        >
          <option value="handoff">{t('settings.afterRetriesHandoff')}</option>
          <option value="end">{t('settings.afterRetriesEnd')}</option>
        </select>
        <span id="sb-after-retries-help" className="sb-field__hint">
          {t('settings.afterRetriesHelp')}
        </span>
      </div>
      <div className="sb-field">
        <label htmlFor="sb-after-retries-text" className="sb-field__label">
          {t('settings.afterRetriesText')}
        </label>
        <textarea
          id="sb-after-retries-text"
          className="sb-input"
          rows={2}
          maxLength={2000}
          value={afterRetries.text ?? ''}
          placeholder={defaultAfterRetriesText(afterRetries.action, locale)}
          aria-describedby="sb-after-retries-text-help"
          onChange={(e) => patchAfterRetries({ text: e.target.value })}
        />
        <span id="sb-after-retries-text-help" className="sb-field__hint">
          {t('settings.afterRetriesTextHelp')}
        </span>
      </div>
    </>
  );
}
