import { useTranslation } from 'react-i18next';
import type { VersionSummary } from '../api';

/** A labelled list of the flow's versions, with one "none" entry (all versions, or no comparison). */
export function VersionSelect({
  label,
  noneLabel,
  versions,
  value,
  onChange,
}: {
  label: string;
  noneLabel: string;
  versions: VersionSummary[];
  value: number | null;
  onChange: (version: number | null) => void;
}) {
  const { t } = useTranslation('analytics');
  return (
    <label>
      {label}{' '}
      <select className="sb-input" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{noneLabel}</option>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {t('versionShort', { version: v.number })}
          </option>
        ))}
      </select>
    </label>
  );
}
