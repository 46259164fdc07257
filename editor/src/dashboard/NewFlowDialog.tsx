import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FileText, LayoutTemplate } from 'lucide-react';
import { api, ApiError, type FlowDetail, type SampleSummary } from '../api';
import { Alert, Button, Dialog, Tabs } from '../ui';
import { BlankFlowFields } from './BlankFlowFields';
import { errorMessage } from './errorMessage';
import { TemplateFields } from './TemplateFields';

export interface NewFlowDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (flow: FlowDetail) => void;
}

type Mode = 'blank' | 'template';

export function NewFlowDialog({ open, onClose, onCreated }: NewFlowDialogProps) {
  const { t } = useTranslation('dashboard');
  const [mode, setMode] = useState<Mode>('blank');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [sampleId, setSampleId] = useState<string | null>(null);
  const [samples, setSamples] = useState<SampleSummary[] | null>(null);
  const [samplesError, setSamplesError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setMode('blank');
    setName('');
    setDescription('');
    setSampleId(null);
    setNameError(null);
    setError(null);
    setBusy(false);
  }, [open]);

  useEffect(() => {
    if (!open || mode !== 'template' || samples !== null) return;
    let live = true;
    api.samples.list().then(
      (list) => {
        if (!live) return;
        setSamples(list);
        setSampleId((current) => current ?? list[0]?.id ?? null);
      },
      (e: unknown) => live && setSamplesError(errorMessage(e, t)),
    );
    return () => {
      live = false;
    };
  }, [open, mode, samples, t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (mode === 'blank' && !name.trim()) {
      setNameError(t('newFlow.nameRequired'));
      return;
    }
    if (mode === 'template' && !sampleId) return;
    setNameError(null);
    setBusy(true);
    try {
      const created =
        mode === 'blank'
          ? await api.flows.create({
              name: name.trim(),
              // No locale: the server gives the flow the organisation's language.
              ...(description.trim() ? { description: description.trim() } : {}),
            })
          : await api.flows.create({ sampleId: sampleId!, ...(name.trim() ? { name: name.trim() } : {}) });
      onCreated(created);
    } catch (e) {
      const details = e instanceof ApiError ? e.details.map((d) => `${d.path}: ${d.message}`).join('; ') : '';
      setError(errorMessage(e, t) + (details ? ` (${details})` : ''));
      setBusy(false);
    }
  }

  const blank = (
    <BlankFlowFields name={name} onNameChange={setName} nameError={nameError} description={description} onDescriptionChange={setDescription} />
  );
  const template = (
    <TemplateFields samples={samples} samplesError={samplesError} sampleId={sampleId} onSampleChange={setSampleId} name={name} onNameChange={setName} />
  );

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title={t('newFlow.title')}
      description={t('newFlow.subtitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="sb-new-flow" busy={busy} disabled={mode === 'template' && !sampleId}>
            {t('newFlow.create')}
          </Button>
        </>
      }
    >
      <form id="sb-new-flow" onSubmit={submit} noValidate>
        <Tabs
          aria-label={t('newFlow.title')}
          value={mode}
          onChange={(id) => setMode(id as Mode)}
          tabs={[
            { id: 'blank', label: <TabLabel icon={<FileText size={16} aria-hidden />} text={t('newFlow.blank')} />, content: blank },
            { id: 'template', label: <TabLabel icon={<LayoutTemplate size={16} aria-hidden />} text={t('newFlow.fromTemplate')} />, content: template },
          ]}
        />
        {error && <Alert className="sb-mt">{error}</Alert>}
      </form>
    </Dialog>
  );
}

function TabLabel({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <span className="sb-inline-icon">
      {icon}
      {text}
    </span>
  );
}
