import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, TextField } from '../../ui';
import { useTestsStore } from '../flowtests/testsStore';
import type { PreviewConversation } from './conversation';
import { conversationToTestCase, newCaseId } from './toTestCase';

interface SaveTestDialogProps {
  flowId: string;
  conversation: PreviewConversation;
  onClose: () => void;
}

export function SaveTestDialog({ flowId, conversation, onClose }: SaveTestDialogProps) {
  const { t } = useTranslation('preview');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const store = useTestsStore.getState();
      const testCase = conversationToTestCase(conversation, { id: newCaseId(store.cases, Date.now()), name });
      await store.add(flowId, testCase);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  const turns = conversation.steps.length - 1;
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('saveTest.title')}
      description={t('saveTest.description', { count: turns })}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('saveTest.cancel')}
          </Button>
          <Button variant="primary" busy={busy} disabled={!name.trim()} onClick={() => void save()}>
            {t('saveTest.save')}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField label={t('saveTest.name')} value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} />
      </form>
      {error && <Alert tone="error">{error}</Alert>}
    </Dialog>
  );
}
