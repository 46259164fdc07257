import type { EngineInput } from '../../engine/types';
import type { ConversationRecord, HandoffState, HandoffStatus } from '../../chat/conversationStore';
import { ChatError } from '../../chat/chatError';
import type { InboxConversation, InboxItem } from '../../chat/inboxView';
import { systemMessage, toInboxMessage, type InboxMessage } from '../../chat/messages';
import { MAX_TURN_ATTEMPTS, type ChatCore } from './chatCore';
import type { AgentActor, TransferTarget } from './chatTypes';

/** Open handoffs are a working queue, never this many; a deleted flow's are all among them. */
const OPEN_HANDOFFS_SCAN = 10_000;

/** What agents do in the inbox: list, claim, answer, note, transfer, give back, close. */
export class InboxChat {
  constructor(private readonly core: ChatCore) {}

  async listInbox(status: HandoffStatus, queue?: string): Promise<InboxItem[]> {
    const records = await this.core.store.listHandoffs(queue === undefined ? { status } : { status, queue });
    const now = this.core.now();
    return Promise.all(records.map(async (r) => this.core.inboxItem(r, now)));
  }

  async getInboxConversation(sessionId: string): Promise<InboxConversation> {
    const record = await this.core.handoffRecord(sessionId);
    const messages = await this.core.store.listMessages(sessionId, 0, 10_000);
    return { conversation: await this.core.inboxItem(record, this.core.now()), messages: messages.map(toInboxMessage) };
  }

  async claim(sessionId: string, agent: AgentActor): Promise<InboxItem> {
    const core = this.core;
    const at = core.now();
    const result = await core.store.claim(sessionId, { id: agent.id, name: agent.name }, at);
    if (!result.ok) {
      if (result.reason === 'notFound') throw new ChatError('session_not_found', 'This conversation does not exist');
      if (result.reason === 'alreadyClaimed') {
        throw new ChatError('already_claimed', `${result.by.name} has already claimed this conversation`, {
          assignedAgent: result.by,
        });
      }
      throw new ChatError('not_waiting', 'This conversation is not waiting for an agent');
    }
    const joined = await core.store.appendMessages(sessionId, [systemMessage('agentJoined', at, agent.name)], at);
    const record = result.conversation;
    if (joined) core.publishMessages(record, joined);
    core.publishQueue(sessionId, record.handoff!);
    return core.inboxItem(record, at);
  }

  async agentMessage(sessionId: string, agent: AgentActor, text: string): Promise<InboxMessage> {
    const core = this.core;
    const record = await core.handoffRecord(sessionId);
    // A closed conversation has no customer listening (closed by an agent, or its flow deleted).
    if (record.handoff!.status === 'closed') throw new ChatError('not_in_handoff', 'This conversation is no longer with an agent');
    core.assertHolds(record, agent);
    const at = core.now();
    const stored = await core.store.appendMessages(sessionId, [{ from: 'agent', kind: 'text', text, agentName: agent.name, at }], at);
    if (!stored) throw new ChatError('session_not_found', 'This conversation does not exist');
    core.publishMessages(record, stored);
    return toInboxMessage(stored[0]!);
  }

  /**
   * An internal note: stored in the transcript for agents, never sent to the customer. Any
   * agent may annotate any handed-off conversation, also after it closed.
   */
  async addNote(sessionId: string, agent: AgentActor, text: string): Promise<InboxMessage> {
    const core = this.core;
    const record = await core.handoffRecord(sessionId);
    const at = core.now();
    const stored = await core.store.appendMessages(sessionId, [{ from: 'agent', kind: 'note', text, agentName: agent.name, at }], at);
    if (!stored) throw new ChatError('session_not_found', 'This conversation does not exist');
    core.publishMessages(record, stored);
    return toInboxMessage(stored[0]!);
  }

  /**
   * Hands the conversation to another queue (it waits there again, unassigned) or straight to
   * another agent. A claimed conversation moves only by its agent or an admin; a waiting one
   * by anyone in the inbox.
   */
  async transfer(sessionId: string, agent: AgentActor, target: TransferTarget): Promise<InboxItem> {
    const core = this.core;
    return core.locks.run(sessionId, async () => {
      for (let attempt = 0; attempt < MAX_TURN_ATTEMPTS; attempt++) {
        const at = core.now();
        // Read afresh each time: a claim in between changes who may transfer.
        const record = await core.handoffRecord(sessionId);
        const current = record.handoff!;
        if (current.status === 'closed') throw new ChatError('not_in_handoff', 'This conversation is no longer with an agent');
        if (current.status === 'active') core.assertHolds(record, agent);
        const next: HandoffState =
          'queue' in target
            ? { ...current, status: 'waiting', queue: target.queue, requestedAt: at, assignedAgent: null, claimedAt: null }
            : { ...current, status: 'active', assignedAgent: target.agent, claimedAt: at };
        const expected = { status: current.status, agentId: current.assignedAgent?.id ?? null };
        const moved = await core.store.reassign(sessionId, expected, next, at);
        if (moved) return this.announceTransfer(moved, next, target, at);
      }
      throw new ChatError('busy', 'This conversation is busy; try again');
    });
  }

  private async announceTransfer(moved: ConversationRecord, next: HandoffState, target: TransferTarget, at: number): Promise<InboxItem> {
    const sessionId = moved.id;
    // Worded with the codes the widget already knows: someone new joins, or the customer waits again.
    const notice = 'queue' in target ? systemMessage('handoffRequested', at) : systemMessage('agentJoined', at, target.agent.name);
    const appended = await this.core.store.appendMessages(sessionId, [notice], at);
    if (appended) this.core.publishMessages(moved, appended);
    this.core.publishQueue(sessionId, next);
    return this.core.inboxItem(moved, at);
  }

  async agentTyping(sessionId: string, agent: AgentActor, typing: boolean): Promise<void> {
    const record = await this.core.handoffRecord(sessionId);
    this.core.assertHolds(record, agent);
    this.core.events.publishCustomer(sessionId, { type: 'typing', from: 'agent', typing });
  }

  /** Gives the conversation back to the bot: the flow continues at the handoff's `resolved`. */
  async returnToBot(sessionId: string, agent: AgentActor): Promise<InboxItem> {
    return this.finishHandoff(sessionId, agent, { type: 'handoffReturned' }, 'returned', 'returnedToBot');
  }

  async close(sessionId: string, agent: AgentActor): Promise<InboxItem> {
    return this.finishHandoff(sessionId, agent, { type: 'close' }, 'closed', 'conversationClosed');
  }

  /** Closes every open handoff of a deleted flow, telling the customer and the inbox; see ChatService.flowDeleted. */
  async closeForRemovedFlow(flowId: string): Promise<number> {
    const core = this.core;
    let closed = 0;
    for (const status of ['waiting', 'active'] as const) {
      const open = (await core.store.listHandoffs({ status, limit: OPEN_HANDOFFS_SCAN })).filter((r) => r.flowId === flowId);
      for (const found of open) {
        const done = await core.locks.run(found.id, async () => {
          for (let attempt = 0; attempt < MAX_TURN_ATTEMPTS; attempt++) {
            const record = attempt === 0 ? found : await core.store.get(found.id);
            const current = record?.handoff;
            if (!record || !current || current.status === 'closed') return false;
            const at = core.now();
            const next: HandoffState = { ...current, status: 'closed', closedAt: at, resolution: 'closed' };
            const moved = await core.store.reassign(record.id, { status: current.status, agentId: current.assignedAgent?.id ?? null }, next, at);
            if (!moved) continue;
            const notice = await core.store.appendMessages(record.id, [systemMessage('flowRemoved', at)], at);
            if (notice) core.publishMessages(moved, notice);
            core.publishQueue(record.id, next);
            return true;
          }
          return false;
        });
        if (done) closed++;
      }
    }
    return closed;
  }

  async listQueues(): Promise<string[]> {
    return this.core.store.listQueues();
  }

  /** The flow's name in the version a conversation runs on (its id when that is gone). */
  async flowTitle(record: Pick<ConversationRecord, 'flowId' | 'flowVersion'>): Promise<string> {
    return this.core.flowName(record);
  }

  private async finishHandoff(
    sessionId: string,
    agent: AgentActor,
    input: EngineInput,
    resolution: 'returned' | 'closed',
    notice: 'returnedToBot' | 'conversationClosed',
  ): Promise<InboxItem> {
    const core = this.core;
    return core.locks.run(sessionId, async () => {
      const outcome = await core.applyTurn(sessionId, (record) => {
        if (!record.handoff || record.handoff.status === 'closed') {
          throw new ChatError('not_in_handoff', 'This conversation is not with an agent');
        }
        // A waiting conversation may be closed by anyone in the inbox (spam, duplicates);
        // giving it back to the bot or closing a claimed one is for its agent.
        if (record.handoff.status === 'active' || resolution === 'returned') core.assertHolds(record, agent);
        const at = core.now();
        const closed: HandoffState = { ...record.handoff, status: 'closed', closedAt: at, resolution };
        return { input, before: [systemMessage(notice, at, agent.name)], handoff: () => closed };
      });
      const record = outcome.record;
      return core.inboxItem(record, core.now());
    });
  }
}
