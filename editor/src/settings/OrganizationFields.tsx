import { useTranslation } from 'react-i18next';
import { localeOptions } from '../i18n/localeOptions';
import { Select, TextField } from '../ui';
import { LIMITS, type FieldErrors, type SettingsDraft } from './settingsDraft';

export interface OrganizationFieldsProps {
  draft: SettingsDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<SettingsDraft>) => void;
}

export function OrganizationFields({ draft, errors, onChange }: OrganizationFieldsProps) {
  const { t, i18n } = useTranslation('settings');
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <section className="sb-settings__card" aria-labelledby="sb-settings-organization">
      <h2 id="sb-settings-organization" className="sb-settings__heading">
        {t('organization.heading')}
      </h2>
      <TextField
        label={t('organization.name')}
        name="organizationName"
        value={draft.organizationName}
        maxLength={LIMITS.name}
        autoComplete="organization"
        onChange={(e) => onChange({ organizationName: e.target.value })}
        error={error('organizationName')}
      />
      <Select
        label={t('organization.locale')}
        name="defaultLocale"
        value={draft.defaultLocale}
        hint={t('organization.localeHint')}
        options={localeOptions(i18n.language, draft.defaultLocale)}
        onChange={(e) => onChange({ defaultLocale: e.target.value })}
        error={error('defaultLocale')}
      />
      <TextField
        label={t('organization.highlight')}
        name="inboxHighlightMinutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={LIMITS.minutesMax}
        value={draft.inboxHighlightMinutes}
        hint={t('organization.highlightHint')}
        onChange={(e) => onChange({ inboxHighlightMinutes: e.target.value })}
        error={error('inboxHighlightMinutes')}
      />
    </section>
  );
}
