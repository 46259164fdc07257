import { useTranslation } from 'react-i18next';
import type { MaskSettings, PrivacySettings } from '@switchboard/runtime';
import { identity, parseNoticeLink } from './settingsParsers';
import { ValidatedInput } from './ValidatedInput';

const MASK_KINDS: readonly (keyof MaskSettings)[] = ['cardNumbers', 'ibans', 'pesel', 'emails', 'phones'];

/** Flow settings → Privacy: what is masked in stored transcripts, and the widget's notice. */
export function PrivacySection({ value, onChange }: { value: PrivacySettings; onChange: (next: PrivacySettings) => void }) {
  const { t } = useTranslation('panels');
  const setMask = (kind: keyof MaskSettings, on: boolean) => onChange({ ...value, mask: { ...value.mask, [kind]: on } });
  const setNotice = (patch: Partial<PrivacySettings['notice']>) => onChange({ ...value, notice: { ...value.notice, ...patch } });

  return (
    <fieldset className="sb-settings__group" aria-describedby="sb-privacy-help">
      <legend className="sb-settings__title">{t('settings.privacy.title')}</legend>
      <p id="sb-privacy-help" className="sb-field__hint">
        {t('settings.privacy.maskHelp')}
      </p>
      {MASK_KINDS.map((kind) => (
        <label key={kind} className="sb-check">
          <input type="checkbox" checked={value.mask[kind]} onChange={(e) => setMask(kind, e.target.checked)} />
          <span>{t(`settings.privacy.mask.${kind}`)}</span>
        </label>
      ))}
      <p className="sb-field__hint">{t('settings.privacy.variablesHelp')}</p>

      <div className="sb-field">
        <label htmlFor="sb-notice-text" className="sb-field__label">
          {t('settings.privacy.noticeText')}
        </label>
        <textarea
          id="sb-notice-text"
          className="sb-input"
          rows={3}
          maxLength={500}
          value={value.notice.text}
          aria-describedby="sb-notice-help"
          onChange={(e) => setNotice({ text: e.target.value })}
        />
        <span id="sb-notice-help" className="sb-field__hint">
          {t('settings.privacy.noticeHelp')}
        </span>
      </div>
      <div className="sb-field">
        <label htmlFor="sb-notice-link" className="sb-field__label">
          {t('settings.privacy.noticeLink')}
        </label>
        <ValidatedInput
          id="sb-notice-link"
          type="url"
          placeholder="https://shop.example.com/privacy"
          value={value.notice.linkUrl}
          format={identity}
          parse={parseNoticeLink}
          maxLength={2000}
          onCommit={(linkUrl) => setNotice({ linkUrl })}
        />
      </div>
      <div className="sb-field">
        <label htmlFor="sb-notice-label" className="sb-field__label">
          {t('settings.privacy.noticeLinkLabel')}
        </label>
        <input
          id="sb-notice-label"
          className="sb-input"
          maxLength={100}
          placeholder={t('settings.privacy.noticeLinkLabelPlaceholder')}
          value={value.notice.linkLabel}
          onChange={(e) => setNotice({ linkLabel: e.target.value })}
        />
      </div>
    </fieldset>
  );
}
