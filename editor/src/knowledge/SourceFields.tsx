import { useTranslation } from 'react-i18next';
import { TextField } from '../ui';

export interface SourceMeta {
  title: string;
  url: string;
}

/** Title and public link, as the add and edit dialogs ask for them. */
export function SourceFields({
  value,
  onChange,
  errors,
  titleOptional = false,
}: {
  value: SourceMeta;
  onChange: (next: SourceMeta) => void;
  errors: Partial<Record<keyof SourceMeta, string>>;
  titleOptional?: boolean;
}) {
  const { t } = useTranslation('knowledge');
  return (
    <>
      <TextField
        label={t('form.titleLabel')}
        hint={titleOptional ? t('form.titleFromFile') : t('form.titleHint')}
        value={value.title}
        maxLength={200}
        required={!titleOptional}
        error={errors.title}
        onChange={(e) => onChange({ ...value, title: e.target.value })}
      />
      <TextField
        label={t('form.urlLabel')}
        hint={t('form.urlHint')}
        type="url"
        inputMode="url"
        value={value.url}
        maxLength={2000}
        error={errors.url}
        onChange={(e) => onChange({ ...value, url: e.target.value })}
      />
    </>
  );
}
