import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowRightLeft, Bot, CheckCircle2, Hand } from 'lucide-react';
import type { CannedReply, InboxConversation } from '../../api';
import { Alert, Badge, Button, Dialog } from '../../ui';
import { customerLabel, shortId } from '../queue/customerLabel';
import { inboxErrorMessage } from './claimError';
import { Composer } from './Composer';
import { Transcript } from './Transcript';
import { TransferDialog } from './TransferDialog';
import { VariablesPanel } from './VariablesPanel';

export interface ConversationActions {
  claim(): Promise<void>;
  reply(text: string): Promise<void>;
  note(text: string): Promise<void>;
  transfer(target: { queue: string } | { agentId: string }): Promise<void>;
  returnToBot(): Promise<void>;
  close(): Promise<void>;
  typing(typing: boolean): void;
}

export interface ConversationViewProps {
  data: InboxConversation;
  me: { id: string; role: string };
  customerTyping: boolean;
  cannedReplies: CannedReply[];
  actions: ConversationActions;
}

const STATUS_TONE = { waiting: 'warning', active: 'info', closed: 'neutral' } as const;

/** One handed-off conversation: transcript, what the bot captured, and what the agent can do. */
export function ConversationView({ data, me, customerTyping, cannedReplies, actions }: ConversationViewProps) {
  const { t } = useTranslation('inbox');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);
  const c = data.conversation;
  const holds = c.status === 'active' && (c.assignedAgent?.id === me.id || me.role === 'admin');
  const canAct = c.status === 'waiting' || holds;
  const who = customerLabel(c.variables) ?? t('customerRef', { ref: shortId(c.sessionId) });

  async function run(name: string, action: () => Promise<void>): Promise<boolean> {
    setBusy(name);
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(inboxErrorMessage(err, t));
      return false;
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="sb-conversation" aria-labelledby="sb-conversation-title">
      <header className="sb-conversation__header">
        <div className="sb-conversation__title">
          <h2 id="sb-conversation-title">{who}</h2>
          <p className="sb-muted">
            {c.flowName} · {t('queueNamed', { queue: c.queue })}
            {c.assignedAgent && c.status === 'active' && <> · {t('handledBy', { name: c.assignedAgent.name })}</>}
          </p>
        </div>
        <Badge tone={STATUS_TONE[c.status]}>{t(`handoffStatus.${c.status}`)}</Badge>
        <div className="sb-conversation__actions">
          {c.status === 'waiting' && (
            <Button variant="primary" icon={<Hand size={16} aria-hidden />} busy={busy === 'claim'} onClick={() => void run('claim', actions.claim)}>
              {t('claim')}
            </Button>
          )}
          {canAct && (
            <Button icon={<ArrowRightLeft size={16} aria-hidden />} onClick={() => setTransferOpen(true)}>
              {t('transfer')}
            </Button>
          )}
          {holds && (
            <Button icon={<Bot size={16} aria-hidden />} busy={busy === 'return'} onClick={() => void run('return', actions.returnToBot)}>
              {t('returnToBot')}
            </Button>
          )}
          {canAct && (
            <Button variant="danger" icon={<CheckCircle2 size={16} aria-hidden />} onClick={() => setConfirmClose(true)}>
              {t('close')}
            </Button>
          )}
        </div>
      </header>
      {error && <Alert className="sb-conversation__error">{error}</Alert>}
      <div className="sb-conversation__body">
        <div className="sb-conversation__main">
          <Transcript messages={data.messages} typing={customerTyping && c.status === 'active'} />
          {c.status !== 'closed' ? (
            <Composer
              canReply={holds}
              cannedReplies={cannedReplies}
              onReply={(text) => run('reply', () => actions.reply(text))}
              onNote={(text) => run('note', () => actions.note(text))}
              onTyping={actions.typing}
            />
          ) : (
            <p className="sb-conversation__closed">{t(c.resolution === 'returned' ? 'closedReturned' : 'closedClosed')}</p>
          )}
        </div>
        <VariablesPanel variables={c.variables} note={c.note} />
      </div>
      <TransferDialog
        open={transferOpen}
        currentQueue={c.queue}
        myId={me.id}
        onClose={() => setTransferOpen(false)}
        onTransfer={actions.transfer}
      />
      <Dialog
        open={confirmClose}
        role="alertdialog"
        onClose={() => setConfirmClose(false)}
        title={t('closeTitle')}
        description={t('closeDescription')}
        footer={
          <>
            <Button onClick={() => setConfirmClose(false)}>{t('cancel')}</Button>
            <Button
              variant="danger"
              busy={busy === 'close'}
              onClick={() => {
                setConfirmClose(false);
                void run('close', actions.close);
              }}
            >
              {t('closeConfirm')}
            </Button>
          </>
        }
      />
    </section>
  );
}
