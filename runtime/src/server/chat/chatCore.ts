import { currentInput, idleTooLong, step } from '../../engine';
import type { EngineContext, EngineInput, InputRequest, Session, SessionStatus, StepResult } from '../../engine/types';
import type { ConversationRecord, ConversationStore, HandoffState } from '../../chat/conversationStore';
import type { ChatEvents } from '../../chat/chatEvents';
import { ChatError } from '../../chat/chatError';
import { FlowVersionCache, type LoadedVersion } from './flowVersionCache';
import { toInboxItem, type InboxItem } from '../../chat/inboxView';
import { KeyedLock } from './keyedLock';
import { toCustomerTranscript, toInboxMessage, type NewMessage, type StoredMessage } from '../../chat/messages';
import { maskTurnRecord } from '../../chat/maskTurn';
import type { MaskSettings } from '../../schema/privacySettings';
import { recordStep, type TurnRecord } from '../../chat/turnRecord';
import { settleHttpSteps, type HttpStepRunner } from './httpSteps';
import type { KnowledgeStepRunner } from './knowledgeSteps';
import type { IntentPickRunner } from './intentPickSteps';
import type { AgentActor, ChatServiceDeps } from './chatTypes';

export const MAX_TURN_ATTEMPTS = 5;

/**
 * How a turn is played: its engine input, messages stored before the bot's, the handoff after,
 * and whether it is a bot reply to time (a customer's message while the bot holds the conversation).
 */
export type TurnPlan = (
  record: ConversationRecord,
  version: LoadedVersion,
) => { input: EngineInput; before: NewMessage[]; handoff: () => HandoffState | undefined; botReply?: boolean };

/**
 * The host around the pure engine, shared by every audience: loads the pinned flow version,
 * steps the engine, writes the turn in one transaction (`applyTurn`), carries out the effects
 * (queue entries, forwarding to agents, event rows) and tells live subscribers. All state lives
 * in the store, so any instance (or the same one after a restart) continues any conversation.
 */
export class ChatCore {
  readonly store: ConversationStore;
  readonly events: ChatEvents;
  readonly versions: FlowVersionCache;
  readonly now: () => number;
  readonly random: () => number;
  readonly models: ChatServiceDeps['models'];
  readonly http: HttpStepRunner | undefined;
  readonly knowledge: KnowledgeStepRunner | undefined;
  readonly intentPick: IntentPickRunner | undefined;
  readonly locks = new KeyedLock();

  constructor(deps: ChatServiceDeps) {
    this.store = deps.store;
    this.events = deps.events;
    this.versions = new FlowVersionCache(deps.flows);
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.models = deps.models;
    this.http = deps.http;
    this.knowledge = deps.knowledge;
    this.intentPick = deps.intentPick;
  }

  /**
   * Steps the engine on the stored session and commits, retrying from a fresh read when another
   * writer moved the conversation in between.
   */
  async applyTurn(
    sessionId: string,
    plan: TurnPlan,
    /** A record just read by the caller; saves a read when nothing moved in between. */
    initial?: ConversationRecord,
  ): Promise<{ messages: StoredMessage[]; result: StepResult; record: ConversationRecord }> {
    // From the message arriving, retries included: what the customer waits for.
    const arrived = performance.now();
    for (let attempt = 0; attempt < MAX_TURN_ATTEMPTS; attempt++) {
      const record = attempt === 0 && initial ? initial : await this.store.get(sessionId);
      if (!record) throw new ChatError('session_not_found', 'This conversation does not exist');
      const version = await this.pinnedVersion(record);
      const { input, before, handoff: baseHandoff, botReply } = plan(record, version);
      const at = this.now();
      const ctx = await this.contextFor(version, at, record);
      let latest = step(version.flow, record.session, input, ctx);
      const result = await settleHttpSteps(
        latest,
        (next) => (latest = step(version.flow, latest.session, next, ctx)),
        this.http,
        { flowId: record.flowId, flowVersion: record.flowVersion, sessionId },
        {
          now: this.now,
          ...(this.knowledge ? { knowledge: this.knowledge } : {}),
          ...(this.intentPick ? { intentPick: this.intentPick } : {}),
          onDraft: this.draftsTo(sessionId),
        },
      );
      const turn: TurnRecord = maskTurnRecord(
        recordStep(result, { flowId: record.flowId, flowVersion: record.flowVersion, sessionId, at }, before),
        version.flow.settings.privacy.mask,
      );
      // A new handoff (e.g. the `resolved` branch hands off again) wins over closing the old one.
      const handoff = turn.handoff ?? baseHandoff();
      const committed = await this.store.commitTurn({
        sessionId,
        expectedTurn: record.session.turn,
        session: result.session,
        ...(handoff === undefined ? {} : { handoff }),
        messages: turn.messages,
        events: turn.events,
        at,
        ...(botReply ? { replyMs: Math.round(performance.now() - arrived) } : {}),
      });
      if (!committed.ok) {
        if (committed.reason === 'notFound') throw new ChatError('session_not_found', 'This conversation does not exist');
        continue;
      }
      const updated: ConversationRecord = {
        ...record,
        session: result.session,
        handoff: handoff === undefined ? record.handoff : handoff,
        lastMessageId: committed.messages.at(-1)?.id ?? record.lastMessageId,
        updatedAt: at,
      };
      this.publishMessages(updated, committed.messages, turn.forwarded.length > 0);
      this.events.publishCustomer(sessionId, { type: 'status', status: result.session.status, input: result.input });
      if (handoff !== undefined && handoff !== null) this.publishQueue(sessionId, handoff);
      return { messages: committed.messages, result, record: updated };
    }
    throw new ChatError('busy', 'This conversation is busy; try again');
  }

  /** Where a streaming answer's drafts go: the customer's live channel. */
  private draftsTo(sessionId: string): (nodeId: string, text: string | null) => void {
    return (nodeId, text) => this.events.publishCustomer(sessionId, { type: 'answerDraft', nodeId, text });
  }

  publishMessages(record: ConversationRecord, messages: StoredMessage[], forAgent = true): void {
    const assignedAgentId = record.handoff?.assignedAgent?.id ?? null;
    const inHandoff = record.handoff !== null && record.handoff.status !== 'closed';
    for (const message of toCustomerTranscript(messages)) this.events.publishCustomer(record.id, { type: 'message', message });
    if (!inHandoff || !forAgent) return;
    for (const m of messages) {
      this.events.publishInbox({ type: 'message', sessionId: record.id, assignedAgentId, message: toInboxMessage(m) });
    }
  }

  publishQueue(sessionId: string, handoff: HandoffState): void {
    this.events.publishInbox({
      type: 'queue',
      sessionId,
      status: handoff.status,
      queue: handoff.queue,
      assignedAgentId: handoff.assignedAgent?.id ?? null,
    });
  }

  assertHolds(record: ConversationRecord, agent: AgentActor): void {
    const holder = record.handoff?.assignedAgent ?? null;
    if (holder === null) throw new ChatError('not_waiting', 'Claim this conversation first');
    if (holder.id !== agent.id && !agent.canOverride) {
      throw new ChatError('assigned_to_other', `${holder.name} is handling this conversation`, { assignedAgent: holder });
    }
  }

  async handoffRecord(sessionId: string): Promise<ConversationRecord> {
    const record = await this.store.get(sessionId);
    if (!record || !record.handoff) throw new ChatError('session_not_found', 'No handed-off conversation with this id');
    return record;
  }

  /** `readWith`: the conversation's record as the turn read it, whose read may have counted online agents too. */
  async contextFor(version: LoadedVersion, at: number, readWith?: ConversationRecord): Promise<EngineContext> {
    // Read once per turn: the engine wants a synchronous snapshot, and a flow without a
    // handoff node never asks.
    const online = version.hasHandoff ? (await this.store.countOnlineAgents(readWith)) > 0 : true;
    const ctx: EngineContext = { now: always(at), random: this.random, agentsAvailable: always(online) };
    if (this.models) ctx.models = await this.models(version.flowId, version.number, version.flow);
    return ctx;
  }

  viewState(record: ConversationRecord, version: LoadedVersion): { status: SessionStatus; input: InputRequest } {
    const session = record.session;
    const input = currentInput(version.flow, session);
    if (isIdleExpired(session, version, this.now())) return { status: 'expired', input };
    return { status: session.status, input };
  }

  async liveVersion(flowId: string): Promise<LoadedVersion> {
    const live = await this.versions.live(flowId);
    if (!live.ok) {
      if (live.reason === 'notFound') throw new ChatError('flow_not_found', 'This chat is not available');
      throw new ChatError('flow_unavailable', live.message);
    }
    return live.version;
  }

  async pinnedVersion(record: ConversationRecord): Promise<LoadedVersion> {
    const loaded = await this.versions.version(record.flowId, record.flowVersion);
    // The flow was deleted (see ChatService.flowDeleted): the customer is told the chat has ended.
    if (!loaded.ok && loaded.reason === 'notFound') throw new ChatError('flow_removed', 'This chat has ended: it is no longer offered');
    if (!loaded.ok) throw new ChatError('flow_unavailable', loaded.message);
    return loaded.version;
  }

  async inboxItem(record: ConversationRecord, now: number): Promise<InboxItem> {
    const loaded = await this.versions.version(record.flowId, record.flowVersion);
    return loaded.ok
      ? toInboxItem(record, loaded.version.flow.name, now, loaded.version.flow.settings.privacy.mask)
      : toInboxItem(record, record.flowId, now);
  }

  /** The masking rules of the version a conversation runs on, for views of its variables. */
  async flowMask(record: Pick<ConversationRecord, 'flowId' | 'flowVersion'>): Promise<MaskSettings | undefined> {
    const loaded = await this.versions.version(record.flowId, record.flowVersion);
    return loaded.ok ? loaded.version.flow.settings.privacy.mask : undefined;
  }

  async flowName(record: Pick<ConversationRecord, 'flowId' | 'flowVersion'>): Promise<string> {
    const loaded = await this.versions.version(record.flowId, record.flowVersion);
    return loaded.ok ? loaded.version.flow.name : record.flowId;
  }
}

/**
 * A function that returns `value`. Made here rather than as `now: () => at` in an object literal:
 * run through tsx, a function named by its property costs an Object.defineProperty (esbuild's
 * keepNames) every turn.
 */
function always<T>(value: T): () => T {
  return () => value;
}

/** The engine's expiry rule, so a reconnect sees what its next message will meet. */
function isIdleExpired(session: Session, version: LoadedVersion, now: number): boolean {
  if (session.status === 'handedOff' || session.status === 'completed' || session.status === 'expired') return false;
  return idleTooLong(version.flow, session, now);
}
