import { useTranslation } from 'react-i18next';
import type { SampleSummary } from '../api';
import { Alert, TextField } from '../ui';

interface TemplateFieldsProps {
  /** null while the list loads. */
  samples: SampleSummary[] | null;
  samplesError: string | null;
  sampleId: string | null;
  onSampleChange: (id: string) => void;
  name: string;
  onNameChange: (name: string) => void;
}

/** The "from a template" tab of the new-flow dialog: one sample to start from, and an optional name. */
export function TemplateFields({ samples, samplesError, sampleId, onSampleChange, name, onNameChange }: TemplateFieldsProps) {
  const { t } = useTranslation('dashboard');
  return (
    <div className="sb-stack">
      {samplesError && <Alert>{samplesError}</Alert>}
      {samples === null && !samplesError && <p className="sb-muted">{t('common:loading')}</p>}
      {samples && samples.length === 0 && <p className="sb-muted">{t('newFlow.noTemplates')}</p>}
      {samples && samples.length > 0 && (
        <div role="radiogroup" aria-label={t('newFlow.templates')} className="sb-templates">
          {samples.map((sample) => (
            <label key={sample.id} className="sb-template" data-selected={sampleId === sample.id || undefined}>
              <input type="radio" name="sample" value={sample.id} checked={sampleId === sample.id} onChange={() => onSampleChange(sample.id)} />
              <span className="sb-template__body">
                <span className="sb-template__name">
                  {sample.name}
                  <span className="sb-template__locale">{sample.locale.toUpperCase()}</span>
                </span>
                <span className="sb-template__description">{sample.description}</span>
              </span>
            </label>
          ))}
        </div>
      )}
      <TextField
        label={t('newFlow.nameOptional')}
        placeholder={samples?.find((s) => s.id === sampleId)?.name ?? ''}
        value={name}
        onChange={(e) => onNameChange(e.target.value)}
        maxLength={200}
      />
    </div>
  );
}
