import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type InboxAgent } from '../../api';
import { Alert, Button, Dialog, Select, TextField } from '../../ui';
import { inboxErrorMessage } from './claimError';

export interface TransferDialogProps {
  open: boolean;
  currentQueue: string;
  myId: string;
  onClose: () => void;
  onTransfer: (target: { queue: string } | { agentId: string }) => Promise<void>;
}

/** Sends the conversation to another queue (it waits there again) or straight to a colleague. */
export function TransferDialog({ open, currentQueue, myId, onClose, onTransfer }: TransferDialogProps) {
  const { t } = useTranslation('inbox');
  const [mode, setMode] = useState<'queue' | 'agent'>('queue');
  const [queue, setQueue] = useState('');
  const [agentId, setAgentId] = useState('');
  const [agents, setAgents] = useState<InboxAgent[]>([]);
  const [queues, setQueues] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    setError(null);
    setQueue('');
    let live = true;
    void Promise.all([api.inbox.agents(), api.inbox.queues()])
      .then(([a, q]) => {
        if (!live) return;
        const others = a.filter((x) => x.id !== myId);
        setAgents(others);
        setAgentId(others[0]?.id ?? '');
        setQueues(q.filter((x) => x !== currentQueue));
      })
      .catch(() => live && setError(t('errors.generic')));
    return () => {
      live = false;
    };
  }, [open, myId, currentQueue, t]);

  async function submit() {
    const target = mode === 'queue' ? { queue: queue.trim() } : { agentId };
    if (mode === 'queue' ? !queue.trim() : !agentId) return;
    setBusy(true);
    setError(null);
    try {
      await onTransfer(target);
      onClose();
    } catch (err) {
      setError(inboxErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('transferTitle')}
      description={t('transferDescription', { queue: currentQueue })}
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" busy={busy} onClick={() => void submit()} disabled={mode === 'queue' ? !queue.trim() : !agentId}>
            {t('transfer')}
          </Button>
        </>
      }
    >
      <div className="sb-stack">
        <fieldset className="sb-radio-group">
          <legend className="sb-field__label">{t('transferTo')}</legend>
          <label>
            <input type="radio" name="transfer-mode" checked={mode === 'queue'} onChange={() => setMode('queue')} /> {t('toQueue')}
          </label>
          <label>
            <input type="radio" name="transfer-mode" checked={mode === 'agent'} onChange={() => setMode('agent')} /> {t('toAgent')}
          </label>
        </fieldset>
        {mode === 'queue' ? (
          <>
            <TextField label={t('queueName')} value={queue} onChange={(e) => setQueue(e.target.value)} list={listId} maxLength={100} />
            <datalist id={listId}>
              {queues.map((q) => (
                <option key={q} value={q} />
              ))}
            </datalist>
          </>
        ) : agents.length === 0 ? (
          <p className="sb-muted">{t('noOtherAgents')}</p>
        ) : (
          <Select
            label={t('agent')}
            value={agentId}
            onChange={(e) => setAgentId(e.target.value)}
            options={agents.map((a) => ({ value: a.id, label: `${a.name} (${t(`status.${a.status}`)})` }))}
          />
        )}
        {error && <Alert>{error}</Alert>}
      </div>
    </Dialog>
  );
}
