import { randomUUID } from 'node:crypto';
import { currentInput, idleTooLong, start, step } from '../../engine';
import type { EngineContext, EngineInput, InputRequest, Session, SessionStatus, StepResult } from '../../engine/types';
import type {
  AgentAvailability,
  AgentRef,
  AgentStatus,
  ConversationRecord,
  ConversationStore,
  HandoffState,
  HandoffStatus,
} from '../../chat/conversationStore';
import type { ChatEvents } from '../../chat/chatEvents';
import { ChatError } from '../../chat/chatError';
import { FlowVersionCache, type LoadedVersion, type PublishedFlowSource } from './flowVersionCache';
import { toInboxItem, type InboxConversation, type InboxItem } from '../../chat/inboxView';
import { KeyedLock } from './keyedLock';
import {
  systemMessage,
  toCustomerTranscript,
  toInboxMessage,
  type InboxMessage,
  type NewMessage,
  type StoredMessage,
  type TranscriptMessage,
} from '../../chat/messages';
import { createSessionToken, hashSessionToken, sessionTokenMatches } from './sessionToken';
import { maskTurnRecord } from '../../chat/maskTurn';
import type { MaskSettings } from '../../schema/privacySettings';
import { recordStep, type TurnRecord } from '../../chat/turnRecord';
import { settleHttpSteps, type HttpStepRunner } from './httpSteps';
import type { TrainedModel } from '../../nlu/model';
import type { FlowDocument } from '../../schema';

export type CustomerInput = { text: string } | { optionId: string };

/** Where a transfer sends a conversation. */
export type TransferTarget = { queue: string } | { agent: AgentRef };

export interface ChatView {
  messages: TranscriptMessage[];
  input: InputRequest;
  status: SessionStatus;
}

export interface StartedConversation extends ChatView {
  sessionId: string;
  sessionToken: string;
}

/** An agent acting in the inbox; admins may act on conversations another agent holds. */
export interface AgentActor extends AgentRef {
  canOverride: boolean;
}

export interface ChatServiceDeps {
  store: ConversationStore;
  flows: PublishedFlowSource;
  events: ChatEvents;
  now?: () => number;
  random?: () => number;
  /** A published version's stored intent models; without it the engine trains on first use (tests). */
  models?: (flowId: string, version: number, flow: FlowDocument) => Promise<Record<string, TrainedModel>>;
  /** Carries out HTTP-request steps; without it every request takes the step's `error` branch. */
  http?: HttpStepRunner;
}

const MAX_TURN_ATTEMPTS = 5;
// Settings edits reach running widgets within this time.
const ORIGIN_CACHE_MS = 5_000;

/**
 * The host around the pure engine: loads the pinned flow version, steps the engine, writes the
 * turn in one transaction, carries out the effects (queue entries, forwarding to agents, event
 * rows) and tells live subscribers. All state lives in the store, so any instance (or the same
 * one after a restart) continues any conversation.
 */
export class ChatService {
  private readonly store: ConversationStore;
  private readonly events: ChatEvents;
  private readonly versions: FlowVersionCache;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly models: ChatServiceDeps['models'];
  private readonly http: HttpStepRunner | undefined;
  private readonly locks = new KeyedLock();
  private readonly originCache = new Map<string, { origins: string[] | null; at: number }>();

  constructor(deps: ChatServiceDeps) {
    this.store = deps.store;
    this.events = deps.events;
    this.versions = new FlowVersionCache(deps.flows);
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.models = deps.models;
    this.http = deps.http;
  }

  // ---- customer side -------------------------------------------------------------------------

  async startConversation(flowId: string, options: { origin: string | null }): Promise<StartedConversation> {
    const version = await this.liveVersion(flowId);
    const at = this.now();
    const sessionId = randomUUID();
    const sessionToken = createSessionToken();
    const ctx = await this.contextFor(version, at);
    let latest = start(version.flow, ctx, { sessionId, flowVersion: version.number });
    const result = await settleHttpSteps(
      latest,
      (input) => (latest = step(version.flow, latest.session, input, ctx)),
      this.http,
      { flowId, flowVersion: version.number, sessionId },
    );
    const meta = { flowId, flowVersion: version.number, sessionId, at };
    const record = maskTurnRecord(recordStep(result, meta), version.flow.settings.privacy.mask);
    const stored = await this.store.create(
      {
        id: sessionId,
        flowId,
        flowVersion: version.number,
        tokenHash: hashSessionToken(sessionToken),
        session: result.session,
        handoff: record.handoff,
        origin: options.origin,
        at,
      },
      record.messages,
      record.events,
    );
    if (record.handoff) this.publishQueue(sessionId, record.handoff);
    return { sessionId, sessionToken, messages: toCustomerTranscript(stored), input: result.input, status: result.session.status };
  }

  async sendMessage(sessionId: string, token: string, input: CustomerInput): Promise<ChatView> {
    const authenticated = await this.authenticate(sessionId, token);
    return this.locks.run(sessionId, async () => {
      const outcome = await this.applyTurn(sessionId, (record, version) => {
        const engineInput: EngineInput =
          'text' in input ? { type: 'text', text: input.text } : { type: 'option', optionId: input.optionId };
        const customer: NewMessage = {
          from: 'customer',
          kind: 'text',
          text: 'text' in input ? input.text : optionLabel(version, record.session, input.optionId),
          at: this.now(),
        };
        return { input: engineInput, before: [customer], handoff: () => undefined };
      }, authenticated);
      return { messages: toCustomerTranscript(outcome.messages), input: outcome.result.input, status: outcome.result.session.status };
    });
  }

  async getTranscript(sessionId: string, token: string, after: number): Promise<ChatView> {
    const record = await this.authenticate(sessionId, token);
    const version = await this.pinnedVersion(record);
    const messages = await this.store.listMessages(sessionId, after);
    return { messages: toCustomerTranscript(messages), ...this.viewState(record, version) };
  }

  /** Checks a session token; used by every customer call and by the socket upgrade. */
  async authenticate(sessionId: string, token: string): Promise<ConversationRecord> {
    const record = await this.store.get(sessionId);
    if (!record) throw new ChatError('session_not_found', 'This conversation does not exist');
    if (!sessionTokenMatches(token, record.tokenHash)) {
      throw new ChatError('invalid_token', 'The session token does not match this conversation');
    }
    return record;
  }

  /** Status and expected input as a reconnecting client should see them. */
  async currentState(record: ConversationRecord): Promise<{ status: SessionStatus; input: InputRequest }> {
    return this.viewState(record, await this.pinnedVersion(record));
  }

  /** Relayed to the agent only while one holds the conversation; the bot does not care. */
  async customerTyping(sessionId: string, typing: boolean): Promise<void> {
    const record = await this.store.get(sessionId);
    if (record?.handoff?.status !== 'active') return;
    this.events.publishInbox({
      type: 'typing',
      sessionId: record.id,
      assignedAgentId: record.handoff.assignedAgent?.id ?? null,
      typing,
    });
  }

  /** The widget origins the flow accepts; null when the flow is unknown or unpublished. */
  async allowedOriginsForFlow(flowId: string): Promise<string[] | null> {
    const live = await this.versions.live(flowId);
    return live.ok ? live.version.flow.settings.allowedOrigins : null;
  }

  /**
   * Origins for a running conversation: the live version's list, else the one it runs on.
   * Asked on every cross-origin widget request, so the answer is kept for a few seconds.
   */
  async allowedOriginsForSession(sessionId: string): Promise<string[] | null> {
    const record = await this.store.get(sessionId);
    if (!record) return null;
    const now = this.now();
    const hit = this.originCache.get(record.flowId);
    if (hit && now - hit.at < ORIGIN_CACHE_MS) return hit.origins;
    const live = await this.versions.live(record.flowId);
    const pinned = live.ok ? live : await this.versions.version(record.flowId, record.flowVersion);
    const origins = pinned.ok ? pinned.version.flow.settings.allowedOrigins : null;
    this.originCache.set(record.flowId, { origins, at: now });
    return origins;
  }

  // ---- agent side ----------------------------------------------------------------------------

  async listInbox(status: HandoffStatus, queue?: string): Promise<InboxItem[]> {
    const records = await this.store.listHandoffs(queue === undefined ? { status } : { status, queue });
    const now = this.now();
    return Promise.all(records.map(async (r) => this.inboxItem(r, now)));
  }

  async getInboxConversation(sessionId: string): Promise<InboxConversation> {
    const record = await this.handoffRecord(sessionId);
    const messages = await this.store.listMessages(sessionId, 0, 10_000);
    return { conversation: await this.inboxItem(record, this.now()), messages: messages.map(toInboxMessage) };
  }

  async claim(sessionId: string, agent: AgentActor): Promise<InboxItem> {
    const at = this.now();
    const result = await this.store.claim(sessionId, { id: agent.id, name: agent.name }, at);
    if (!result.ok) {
      if (result.reason === 'notFound') throw new ChatError('session_not_found', 'This conversation does not exist');
      if (result.reason === 'alreadyClaimed') {
        throw new ChatError('already_claimed', `${result.by.name} has already claimed this conversation`, {
          assignedAgent: result.by,
        });
      }
      throw new ChatError('not_waiting', 'This conversation is not waiting for an agent');
    }
    const joined = await this.store.appendMessages(sessionId, [systemMessage('agentJoined', at, agent.name)], at);
    const record = result.conversation;
    if (joined) this.publishMessages(record, joined);
    this.publishQueue(sessionId, record.handoff!);
    return this.inboxItem(record, at);
  }

  async agentMessage(sessionId: string, agent: AgentActor, text: string): Promise<InboxMessage> {
    const record = await this.handoffRecord(sessionId);
    this.assertHolds(record, agent);
    const at = this.now();
    const stored = await this.store.appendMessages(sessionId, [{ from: 'agent', kind: 'text', text, agentName: agent.name, at }], at);
    if (!stored) throw new ChatError('session_not_found', 'This conversation does not exist');
    this.publishMessages(record, stored);
    return toInboxMessage(stored[0]!);
  }

  /**
   * An internal note: stored in the transcript for agents, never sent to the customer. Any
   * agent may annotate any handed-off conversation, also after it closed.
   */
  async addNote(sessionId: string, agent: AgentActor, text: string): Promise<InboxMessage> {
    const record = await this.handoffRecord(sessionId);
    const at = this.now();
    const stored = await this.store.appendMessages(sessionId, [{ from: 'agent', kind: 'note', text, agentName: agent.name, at }], at);
    if (!stored) throw new ChatError('session_not_found', 'This conversation does not exist');
    this.publishMessages(record, stored);
    return toInboxMessage(stored[0]!);
  }

  /**
   * Hands the conversation to another queue (it waits there again, unassigned) or straight to
   * another agent. A claimed conversation moves only by its agent or an admin; a waiting one
   * by anyone in the inbox.
   */
  async transfer(sessionId: string, agent: AgentActor, target: TransferTarget): Promise<InboxItem> {
    return this.locks.run(sessionId, async () => {
      for (let attempt = 0; attempt < MAX_TURN_ATTEMPTS; attempt++) {
        const at = this.now();
        // Read afresh each time: a claim in between changes who may transfer.
        const record = await this.handoffRecord(sessionId);
        const current = record.handoff!;
        if (current.status === 'closed') throw new ChatError('not_in_handoff', 'This conversation is no longer with an agent');
        if (current.status === 'active') this.assertHolds(record, agent);
        const next: HandoffState =
          'queue' in target
            ? { ...current, status: 'waiting', queue: target.queue, requestedAt: at, assignedAgent: null, claimedAt: null }
            : { ...current, status: 'active', assignedAgent: target.agent, claimedAt: at };
        const expected = { status: current.status, agentId: current.assignedAgent?.id ?? null };
        const moved = await this.store.reassign(sessionId, expected, next, at);
        if (moved) return this.announceTransfer(moved, next, target, at);
      }
      throw new ChatError('busy', 'This conversation is busy; try again');
    });
  }

  private async announceTransfer(moved: ConversationRecord, next: HandoffState, target: TransferTarget, at: number): Promise<InboxItem> {
    const sessionId = moved.id;
    // Worded with the codes the widget already knows: someone new joins, or the customer waits again.
    const notice = 'queue' in target ? systemMessage('handoffRequested', at) : systemMessage('agentJoined', at, target.agent.name);
    const appended = await this.store.appendMessages(sessionId, [notice], at);
    if (appended) this.publishMessages(moved, appended);
    this.publishQueue(sessionId, next);
    return this.inboxItem(moved, at);
  }

  async agentTyping(sessionId: string, agent: AgentActor, typing: boolean): Promise<void> {
    const record = await this.handoffRecord(sessionId);
    this.assertHolds(record, agent);
    this.events.publishCustomer(sessionId, { type: 'typing', from: 'agent', typing });
  }

  /** Gives the conversation back to the bot: the flow continues at the handoff's `resolved`. */
  async returnToBot(sessionId: string, agent: AgentActor): Promise<InboxItem> {
    return this.finishHandoff(sessionId, agent, { type: 'handoffReturned' }, 'returned', 'returnedToBot');
  }

  async close(sessionId: string, agent: AgentActor): Promise<InboxItem> {
    return this.finishHandoff(sessionId, agent, { type: 'close' }, 'closed', 'conversationClosed');
  }

  async setAvailability(agent: AgentRef, status: AgentStatus): Promise<AgentAvailability> {
    const at = this.now();
    await this.store.setAvailability(agent, status, at);
    return { agentId: agent.id, name: agent.name, status, updatedAt: at };
  }

  /**
   * Called when an agent's last inbox socket has been gone for the grace period. An agent who
   * chose a status after `since` (e.g. from another device) keeps it.
   */
  async markAwayAfterDisconnect(agentId: string, since: number): Promise<boolean> {
    const current = await this.store.getAvailability(agentId);
    if (!current || current.status !== 'online' || current.updatedAt > since) return false;
    await this.store.setAvailability({ id: agentId, name: current.name }, 'away', this.now());
    return true;
  }

  async listAgents(): Promise<AgentAvailability[]> {
    return this.store.listAgents();
  }

  async listQueues(): Promise<string[]> {
    return this.store.listQueues();
  }

  /** The flow's name in the version a conversation runs on (its id when that is gone). */
  async flowTitle(record: Pick<ConversationRecord, 'flowId' | 'flowVersion'>): Promise<string> {
    return this.flowName(record);
  }

  async getAvailability(agent: AgentRef): Promise<AgentAvailability> {
    return (await this.store.getAvailability(agent.id)) ?? { agentId: agent.id, name: agent.name, status: 'away', updatedAt: 0 };
  }

  // ---- internals -----------------------------------------------------------------------------

  private async finishHandoff(
    sessionId: string,
    agent: AgentActor,
    input: EngineInput,
    resolution: 'returned' | 'closed',
    notice: 'returnedToBot' | 'conversationClosed',
  ): Promise<InboxItem> {
    return this.locks.run(sessionId, async () => {
      const outcome = await this.applyTurn(sessionId, (record) => {
        if (!record.handoff || record.handoff.status === 'closed') {
          throw new ChatError('not_in_handoff', 'This conversation is not with an agent');
        }
        // A waiting conversation may be closed by anyone in the inbox (spam, duplicates);
        // giving it back to the bot or closing a claimed one is for its agent.
        if (record.handoff.status === 'active' || resolution === 'returned') this.assertHolds(record, agent);
        const at = this.now();
        const closed: HandoffState = { ...record.handoff, status: 'closed', closedAt: at, resolution };
        return { input, before: [systemMessage(notice, at, agent.name)], handoff: () => closed };
      });
      const record = outcome.record;
      return this.inboxItem(record, this.now());
    });
  }

  /**
   * Steps the engine on the stored session and commits, retrying from a fresh read when another
   * writer moved the conversation in between.
   */
  private async applyTurn(
    sessionId: string,
    plan: (
      record: ConversationRecord,
      version: LoadedVersion,
    ) => { input: EngineInput; before: NewMessage[]; handoff: () => HandoffState | undefined },
    /** A record just read by the caller; saves a read when nothing moved in between. */
    initial?: ConversationRecord,
  ): Promise<{ messages: StoredMessage[]; result: StepResult; record: ConversationRecord }> {
    for (let attempt = 0; attempt < MAX_TURN_ATTEMPTS; attempt++) {
      const record = attempt === 0 && initial ? initial : await this.store.get(sessionId);
      if (!record) throw new ChatError('session_not_found', 'This conversation does not exist');
      const version = await this.pinnedVersion(record);
      const { input, before, handoff: baseHandoff } = plan(record, version);
      const at = this.now();
      const ctx = await this.contextFor(version, at);
      let latest = step(version.flow, record.session, input, ctx);
      const result = await settleHttpSteps(
        latest,
        (next) => (latest = step(version.flow, latest.session, next, ctx)),
        this.http,
        { flowId: record.flowId, flowVersion: record.flowVersion, sessionId },
        { now: this.now },
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

  private publishMessages(record: ConversationRecord, messages: StoredMessage[], forAgent = true): void {
    const assignedAgentId = record.handoff?.assignedAgent?.id ?? null;
    const inHandoff = record.handoff !== null && record.handoff.status !== 'closed';
    for (const message of toCustomerTranscript(messages)) this.events.publishCustomer(record.id, { type: 'message', message });
    if (!inHandoff || !forAgent) return;
    for (const m of messages) {
      this.events.publishInbox({ type: 'message', sessionId: record.id, assignedAgentId, message: toInboxMessage(m) });
    }
  }

  private publishQueue(sessionId: string, handoff: HandoffState): void {
    this.events.publishInbox({
      type: 'queue',
      sessionId,
      status: handoff.status,
      queue: handoff.queue,
      assignedAgentId: handoff.assignedAgent?.id ?? null,
    });
  }

  private assertHolds(record: ConversationRecord, agent: AgentActor): void {
    const holder = record.handoff?.assignedAgent ?? null;
    if (holder === null) throw new ChatError('not_waiting', 'Claim this conversation first');
    if (holder.id !== agent.id && !agent.canOverride) {
      throw new ChatError('assigned_to_other', `${holder.name} is handling this conversation`, { assignedAgent: holder });
    }
  }

  private async handoffRecord(sessionId: string): Promise<ConversationRecord> {
    const record = await this.store.get(sessionId);
    if (!record || !record.handoff) throw new ChatError('session_not_found', 'No handed-off conversation with this id');
    return record;
  }

  private async contextFor(version: LoadedVersion, at: number): Promise<EngineContext> {
    // Read once per turn: the engine wants a synchronous snapshot, and a flow without a
    // handoff node never asks.
    const online = version.hasHandoff ? (await this.store.countOnlineAgents()) > 0 : true;
    const ctx: EngineContext = { now: () => at, random: this.random, agentsAvailable: () => online };
    if (this.models) ctx.models = await this.models(version.flowId, version.number, version.flow);
    return ctx;
  }

  private viewState(record: ConversationRecord, version: LoadedVersion): { status: SessionStatus; input: InputRequest } {
    const session = record.session;
    const input = currentInput(version.flow, session);
    if (isIdleExpired(session, version, this.now())) return { status: 'expired', input };
    return { status: session.status, input };
  }

  private async liveVersion(flowId: string): Promise<LoadedVersion> {
    const live = await this.versions.live(flowId);
    if (!live.ok) {
      if (live.reason === 'notFound') throw new ChatError('flow_not_found', 'This chat is not available');
      throw new ChatError('flow_unavailable', live.message);
    }
    return live.version;
  }

  private async pinnedVersion(record: ConversationRecord): Promise<LoadedVersion> {
    const loaded = await this.versions.version(record.flowId, record.flowVersion);
    if (!loaded.ok) throw new ChatError('flow_unavailable', loaded.message);
    return loaded.version;
  }

  private async inboxItem(record: ConversationRecord, now: number): Promise<InboxItem> {
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

  private async flowName(record: Pick<ConversationRecord, 'flowId' | 'flowVersion'>): Promise<string> {
    const loaded = await this.versions.version(record.flowId, record.flowVersion);
    return loaded.ok ? loaded.version.flow.name : record.flowId;
  }
}

/** The engine's expiry rule, so a reconnect sees what its next message will meet. */
function isIdleExpired(session: Session, version: LoadedVersion, now: number): boolean {
  if (session.status === 'handedOff' || session.status === 'completed' || session.status === 'expired') return false;
  return idleTooLong(version.flow, session, now);
}

function optionLabel(version: LoadedVersion, session: Session, optionId: string): string {
  const expected = currentInput(version.flow, session);
  if (expected.type === 'choice') {
    const option = expected.options.find((o) => o.id === optionId);
    if (option) return option.label;
  }
  return optionId;
}
