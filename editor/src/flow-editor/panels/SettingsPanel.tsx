import { useTranslation } from 'react-i18next';
import type { FlowSettings } from '@switchboard/runtime';
import { useEditorStore } from '../store';
import { AllowedOrigins } from './AllowedOrigins';
import { AfterRetriesFields } from './AfterRetriesFields';
import { WidgetSection } from './widget/WidgetSection';
import { BusinessHoursEditor } from './BusinessHoursEditor';
import { GlobalIntentsSection } from './GlobalIntentsSection';
import { PrivacySection } from './PrivacySection';
import { identity, parseLocale, parseName, parseQueue, parseTimeout } from './settingsParsers';
import { ValidatedInput } from './ValidatedInput';
import './panels.css';

/** Locales the editor suggests; any valid code can still be typed. */
const SUGGESTED_LOCALES = ['en', 'en-GB', 'en-US', 'pl', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'cs', 'uk'];

function patchSettings(patch: Partial<FlowSettings>) {
  const s = useEditorStore.getState();
  s.updateMeta({ settings: { ...s.meta.settings, ...patch } });
}

export function SettingsPanel() {
  const { t } = useTranslation('panels');
  const name = useEditorStore((s) => s.meta.name);
  const description = useEditorStore((s) => s.meta.description);
  const locale = useEditorStore((s) => s.meta.locale);
  const settings = useEditorStore((s) => s.meta.settings);
  const updateMeta = useEditorStore((s) => s.updateMeta);

  return (
    <div className="sb-panel sb-settings">
      <fieldset className="sb-settings__group">
        <legend className="sb-settings__title">{t('settings.general')}</legend>
        <div className="sb-field">
          <label htmlFor="sb-flow-name" className="sb-field__label">
            {t('settings.name')}
          </label>
          <ValidatedInput id="sb-flow-name" value={name} format={identity} parse={parseName} maxLength={200} onCommit={(v) => updateMeta({ name: v })} />
        </div>
        <div className="sb-field">
          <label htmlFor="sb-flow-desc" className="sb-field__label">
            {t('settings.description')}
          </label>
          <textarea
            id="sb-flow-desc"
            className="sb-input"
            rows={2}
            maxLength={2000}
            value={description}
            onChange={(e) => updateMeta({ description: e.target.value })}
          />
        </div>
        <div className="sb-field">
          <label htmlFor="sb-flow-locale" className="sb-field__label">
            {t('settings.locale')}
          </label>
          <ValidatedInput
            id="sb-flow-locale"
            list="sb-locales"
            value={locale}
            format={identity}
            parse={parseLocale}
            aria-describedby="sb-flow-locale-help"
            onCommit={(v) => updateMeta({ locale: v })}
          />
          <datalist id="sb-locales">
            {SUGGESTED_LOCALES.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
          <span id="sb-flow-locale-help" className="sb-field__hint">
            {t('settings.localeHelp')}
          </span>
        </div>
      </fieldset>

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
            value={settings.fallbackText}
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
            value={settings.sessionTimeoutMinutes}
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

      <fieldset className="sb-settings__group">
        <legend className="sb-settings__title">{t('settings.handoff')}</legend>
        <div className="sb-field">
          <label htmlFor="sb-queue" className="sb-field__label">
            {t('settings.defaultQueue')}
          </label>
          <ValidatedInput
            id="sb-queue"
            value={settings.handoff.defaultQueue}
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
            value={settings.handoff.offlineText}
            aria-describedby="sb-offline-help"
            onChange={(e) => patchSettings({ handoff: { ...settings.handoff, offlineText: e.target.value } })}
          />
          <span id="sb-offline-help" className="sb-field__hint">
            {t('settings.offlineHelp')}
          </span>
        </div>
      </fieldset>

      <GlobalIntentsSection value={settings.globalIntents} onChange={(globalIntents) => patchSettings({ globalIntents })} />
      <BusinessHoursEditor value={settings.businessHours} onChange={(businessHours) => patchSettings({ businessHours })} />
      <WidgetSection value={settings.widget} locale={locale} onChange={(widget) => patchSettings({ widget })} />
      <AllowedOrigins value={settings.allowedOrigins} onChange={(allowedOrigins) => patchSettings({ allowedOrigins })} />
      <PrivacySection value={settings.privacy} onChange={(privacy) => patchSettings({ privacy })} />
    </div>
  );
}
