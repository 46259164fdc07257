import { useTranslation } from 'react-i18next';
import type { Role } from '../../api';
import { Select } from '../../ui';

const ROLES: Role[] = ['agent', 'editor', 'admin'];

/** A role picked by what the person does, not by a code. */
export function RoleSelect({ label, hideLabel, value, disabled, onChange }: { label: string; hideLabel?: boolean; value: Role; disabled?: boolean; onChange: (role: Role) => void }) {
  const { t } = useTranslation('settings');
  return (
    <Select
      label={label}
      hideLabel={hideLabel}
      value={value}
      disabled={disabled}
      hint={hideLabel ? undefined : t(`roles.${value}Hint`)}
      options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      onChange={(e) => onChange(e.target.value as Role)}
    />
  );
}
