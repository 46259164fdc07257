import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowSettings } from '@switchboard/runtime';
import { labelsFor } from '../../../widget/render/labels';
import { ValidatedInput } from '../ValidatedInput';
import { parseAvatarUrl, parseColor } from './widgetParsers';

type Widget = FlowSettings['widget'];
export const DEFAULT_WIDGET_COLOR = '#2563eb';

/** Without the key rather than `key: undefined`, so an emptied field leaves the saved document clean. */
function withField<K extends keyof Widget>(widget: Widget, key: K, value: Widget[K] | undefined): Widget {
  const next = { ...widget };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}

/** The widget's fields; every valid edit goes straight to the flow (autosaved like the rest). */
export function WidgetForm({ value, locale, onChange, titleRef }: { value: Widget; locale: string; onChange: (next: Widget) => void; titleRef?: Ref<HTMLInputElement> }) {
  const { t } = useTranslation('panels');
  const set = <K extends keyof Widget>(key: K, v: Widget[K] | undefined) => onChange(withField(value, key, v));
  const defaultTitle = labelsFor(locale).defaultTitle;

  return (
    <div className="sb-widget-settings__form">
      <div className="sb-field">
        <label htmlFor="sb-widget-title" className="sb-field__label">
          {t('settings.widget.header')}
        </label>
        <input
          ref={titleRef}
          id="sb-widget-title"
          className="sb-input"
          maxLength={100}
          value={value.title ?? ''}
          placeholder={defaultTitle}
          aria-describedby="sb-widget-title-help"
          onChange={(e) => set('title', e.target.value)}
        />
        <span id="sb-widget-title-help" className="sb-field__hint">
          {t('settings.widget.headerHelp', { title: defaultTitle })}
        </span>
      </div>
      <div className="sb-field">
        <label htmlFor="sb-widget-color" className="sb-field__label">
          {t('settings.widget.color')}
        </label>
        <div className="sb-widget-settings__color">
          <input
            type="color"
            className="sb-widget-settings__swatch"
            aria-label={t('settings.widget.colorPicker')}
            value={value.primaryColor ?? DEFAULT_WIDGET_COLOR}
            onChange={(e) => set('primaryColor', e.target.value.toLowerCase())}
          />
          <ValidatedInput
            id="sb-widget-color"
            value={value.primaryColor}
            format={(c) => c ?? ''}
            parse={parseColor}
            placeholder={DEFAULT_WIDGET_COLOR}
            maxLength={7}
            spellCheck={false}
            onCommit={(c) => set('primaryColor', c)}
          />
        </div>
      </div>
      <div className="sb-field">
        <label htmlFor="sb-widget-avatar" className="sb-field__label">
          {t('settings.widget.avatar')}
        </label>
        <ValidatedInput
          id="sb-widget-avatar"
          value={value.avatarUrl}
          format={(u) => u ?? ''}
          parse={parseAvatarUrl}
          placeholder="https://shop.example.com/logo.png"
          maxLength={2000}
          spellCheck={false}
          aria-describedby="sb-widget-avatar-help"
          onCommit={(u) => set('avatarUrl', u)}
        />
        <span id="sb-widget-avatar-help" className="sb-field__hint">
          {t('settings.widget.avatarHelp')}
        </span>
      </div>
      <div className="sb-field">
        <label htmlFor="sb-widget-position" className="sb-field__label">
          {t('settings.widget.position')}
        </label>
        <select
          id="sb-widget-position"
          className="sb-select"
          value={value.launcherPosition ?? 'right'}
          onChange={(e) => set('launcherPosition', e.target.value === 'left' ? 'left' : 'right')}
        >
          <option value="right">{t('settings.widget.right')}</option>
          <option value="left">{t('settings.widget.left')}</option>
        </select>
      </div>
      <div className="sb-field">
        <label htmlFor="sb-widget-greeting" className="sb-field__label">
          {t('settings.widget.greeting')}
        </label>
        <textarea
          id="sb-widget-greeting"
          className="sb-input"
          rows={3}
          maxLength={500}
          value={value.greeting ?? ''}
          aria-describedby="sb-widget-greeting-help"
          onChange={(e) => set('greeting', e.target.value)}
        />
        <span id="sb-widget-greeting-help" className="sb-field__hint">
          {t('settings.widget.greetingHelp')}
        </span>
      </div>
      <p className="sb-field__hint">{t('settings.widget.publishNote')}</p>
    </div>
  );
}
