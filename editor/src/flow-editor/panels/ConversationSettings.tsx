import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store';
import { AfterRetriesFields } from './AfterRetriesFields';
import { patchSettings } from './patchSettings';
import { parseTimeout } from './settingsParsers';
import { ValidatedInput } from './ValidatedInput';

/** What the bot says when it does not understand, and how long a quiet conversation stays open. */
// No props: memo lets edits elsewhere in the panel skip this section; its own selectors re-render it.
export const ConversationSettings = memo(function ConversationSettings() {
  const { t } = useTranslation('panels');
  const fallbackText = useEditorStore((s) => s.meta.settings.fallbackText);
  const sessionTimeoutMinutes = useEditorStore((s) => s.meta.settings.sessionTimeoutMinutes);
  return (
    <fieldset className="sb-settings__group">
      <legend className="sb-settings__title">{t('settings.conversation')}</legend>
      <div className="sb-field">
        <label htmlFor="sb-fallback" className="sb-field__label">
          {t('settings.fallback')}
        </label>
        <textarea
          id="sb-fallback"
          className="sb-input"
          rows={2}
          maxLength={2000}
          value={fallbackText}
          aria-describedby="sb-fallback-help"
          onChange={(e) => patchSettings({ fallbackText: e.target.value })}
        />
        <span id="sb-fallback-help" className="sb-field__hint">
          {t('settings.fallbackHelp')}
        </span>
      </div>
      <AfterRetriesFields />
      <div className="sb-field">
        <label htmlFor="sb-timeout" className="sb-field__label">
          {t('settings.timeout')}
        </label>
        <ValidatedInput
          id="sb-timeout"
          type="number"
          min={1}
          max={10080}
          value={sessionTimeoutMinutes}
          format={String}
          parse={parseTimeout}
          aria-describedby="sb-timeout-help"
          onCommit={(v) => patchSettings({ sessionTimeoutMinutes: v })}
        />
        <span id="sb-timeout-help" className="sb-field__hint">
          {t('settings.timeoutHelp')}
        </span>
      </div>
    </fieldset>
  );
});
