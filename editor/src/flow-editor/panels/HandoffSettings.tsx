import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store';
import { patchSettings } from './patchSettings';
import { identity, parseQueue } from './settingsParsers';
import { ValidatedInput } from './ValidatedInput';

/** Where handoffs go by default, and what customers hear when nobody is there. */
// No props: memo lets edits elsewhere in the panel skip this section; its own selectors re-render it.
export const HandoffSettings = memo(function HandoffSettings() {
  const { t } = useTranslation('panels');
  const handoff = useEditorStore((s) => s.meta.settings.handoff);
  return (
    <fieldset className="sb-settings__group">
      <legend className="sb-settings__title">{t('settings.handoff')}</legend>
      <div className="sb-field">
        <label htmlFor="sb-queue" className="sb-field__label">
          {t('settings.defaultQueue')}
        </label>
        <ValidatedInput
          id="sb-queue"
          value={handoff.defaultQueue}
          format={identity}
          parse={parseQueue}
          maxLength={100}
          onCommit={(v) => patchSettings({ handoff: { ...useEditorStore.getState().meta.settings.handoff, defaultQueue: v } })}
        />
      </div>
      <div className="sb-field">
        <label htmlFor="sb-offline" className="sb-field__label">
          {t('settings.offlineText')}
        </label>
        <textarea
          id="sb-offline"
          className="sb-input"
          rows={2}
          maxLength={2000}
          value={handoff.offlineText}
          aria-describedby="sb-offline-help"
          onChange={(e) => patchSettings({ handoff: { ...handoff, offlineText: e.target.value } })}
        />
        <span id="sb-offline-help" className="sb-field__hint">
          {t('settings.offlineHelp')}
        </span>
      </div>
    </fieldset>
  );
});
