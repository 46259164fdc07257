import { useTranslation } from 'react-i18next';
import { TextField } from '../ui';

interface BlankFlowFieldsProps {
  name: string;
  onNameChange: (name: string) => void;
  nameError: string | null;
  description: string;
  onDescriptionChange: (description: string) => void;
}

/** The "blank flow" tab of the new-flow dialog: a required name and an optional description. */
export function BlankFlowFields({ name, onNameChange, nameError, description, onDescriptionChange }: BlankFlowFieldsProps) {
  const { t } = useTranslation('dashboard');
  return (
    <div className="sb-stack">
      <TextField
        label={t('newFlow.name')}
        placeholder={t('newFlow.namePlaceholder')}
        value={name}
        onChange={(e) => onNameChange(e.target.value)}
        error={nameError}
        maxLength={200}
        autoFocus
      />
      <TextField
        label={t('newFlow.description')}
        hint={t('newFlow.descriptionHint')}
        value={description}
        onChange={(e) => onDescriptionChange(e.target.value)}
        maxLength={2000}
      />
    </div>
  );
}
