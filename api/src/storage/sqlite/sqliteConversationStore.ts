import type Database from 'better-sqlite3';
import type {
  AgentAvailability,
  AgentRef,
  AgentStatus,
  ClaimResult,
  ConversationRecord,
  ConversationSearch,
  ConversationSearchHit,
  ConversationMatch,
  DailyCount,
  ConversationStore,
  EventRecord,
  FlowEventQuery,
  HandoffExpectation,
  HandoffListQuery,
  HandoffState,
  NewConversation,
  ReviewMark,
  TurnResult,
  TurnWrite,
} from '../../../../runtime/src/chat/conversationStore';
import type { NewMessage, StoredMessage } from '../../../../runtime/src/chat/messages';
import { openConversationDatabase } from './openDatabase';
import { startCheckpointWorker } from './checkpointWorker';
import { ConversationSearcher } from './conversationSearch';
import { ConversationPrivacy } from './conversationPrivacy';
import { ANALYTICS_STATEMENTS, AnalyticsReader } from './analyticsReader';
import { ReviewMarks } from './reviewMarks';
import { CONVERSATION_LIST_STATEMENTS, ConversationListReader } from './conversationListReader';
import { SqliteReadWorker, type ReadWorkerOptions } from './readWorker';
import type { ConversationListPage, ConversationListQuery, ConversationPathStep } from '../../../../runtime/src/chat/conversationList';
import type { AnalyticsFacts, AnalyticsFactsQuery, PathFacts } from '../../../../runtime/src/chat/analyticsFacts';
import { ANALYTICS_BUCKET_MS } from '../../../../runtime/src/chat/analyticsFacts';
import { GroupCommit } from './groupCommit';
import { RecordCache } from './recordCache';
import { RowBatchInsert } from './rowBatch';
import {
  handoffColumns,
  toConversation,
  toEvent,
  toMessage,
  type ConversationRow,
  type EventRow,
  type MessageRow,
} from '../conversationRows';

const HANDOFF_SET = `handoff_status = @handoff_status, queue = @queue, priority = @priority, note = @note,
  assigned_agent_id = @assigned_agent_id, assigned_agent_name = @assigned_agent_name,
  handoff_requested_at = @handoff_requested_at, handoff_claimed_at = @handoff_claimed_at,
  handoff_closed_at = @handoff_closed_at, handoff_resolution = @handoff_resolution`;

// Waiting conversations are served most urgent first, then oldest first.
const PRIORITY_RANK = `CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

export interface SqliteStoreOptions {
  /** The analytics read worker's queue and timeout (readWorker.ts). */
  analyticsReads?: ReadWorkerOptions;
}

/**
 * The embedded conversation store. Every statement is prepared once; every chat turn is one
 * transaction of a few row writes, so the cost of a turn does not grow with the data.
 */
export class SqliteConversationStore implements ConversationStore {
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly turns: GroupCommit<TurnWrite, TurnResult>;
  /** The cached record each pending turn started from, read inside its transaction. */
  private readonly turnBase = new WeakMap<TurnWrite, ConversationRecord>();
  private readonly cache: RecordCache;
  private readonly messageRows: RowBatchInsert;
  private readonly eventRows: RowBatchInsert;
  private readonly writeCreate;
  private readonly writeAppend;
  /**
   * Asked on every turn of a flow that can hand off. One process owns the database (the
   * DATA_DIR lock), so the count can live here and change only through `setAvailability`.
   */
  private onlineAgents: number | null = null;
  private readonly searcher: ConversationSearcher;
  private readonly privacy: ConversationPrivacy;
  private readonly analytics: AnalyticsReader;
  private readonly reviewMarks: ReviewMarks;
  private readonly conversationList: ConversationListReader;
  /** Analytics reads: a worker thread with its own read-only connection, off the chat's event loop. */
  private readonly analyticsReads: SqliteReadWorker;

  constructor(db: Database.Database, options: SqliteStoreOptions = {}) {
    this.db = db;
    this.searcher = new ConversationSearcher(db);
    this.privacy = new ConversationPrivacy(db);
    // A worker needs a file to open; an in-memory database has none to share.
    if (db.memory) throw new Error('The SQLite conversation store needs a database file');
    this.analyticsReads = new SqliteReadWorker(db.name, { ...ANALYTICS_STATEMENTS, ...CONVERSATION_LIST_STATEMENTS }, options.analyticsReads);
    this.analytics = new AnalyticsReader(this.analyticsReads);
    this.reviewMarks = new ReviewMarks(db);
    this.conversationList = new ConversationListReader(this.analyticsReads);
    this.cache = new RecordCache(db);
    this.messageRows = new RowBatchInsert(
      db,
      'INSERT INTO messages (session_id, id, sender, kind, text, url, alt, links, agent_name, at)',
      10,
    );
    this.eventRows = new RowBatchInsert(db, 'INSERT INTO events (flow_id, flow_version, session_id, name, node_id, data, at)', 7);
    this.stmt = {
      insertConversation: db.prepare(`INSERT INTO conversations (id, flow_id, flow_version, token_hash, session_json,
        status, turn, last_message_id, handoff_status, queue, priority, note, assigned_agent_id, assigned_agent_name,
        handoff_requested_at, handoff_claimed_at, handoff_closed_at, handoff_resolution, origin, visitor_id, created_at, updated_at)
        VALUES (@id, @flow_id, @flow_version, @token_hash, @session_json, @status, @turn, @last_message_id,
        @handoff_status, @queue, @priority, @note, @assigned_agent_id, @assigned_agent_name, @handoff_requested_at,
        @handoff_claimed_at, @handoff_closed_at, @handoff_resolution, @origin, @visitor_id, @at, @at)`),
      get: db.prepare('SELECT * FROM conversations WHERE id = ?'),
      exists: db.prepare('SELECT 1 AS x FROM conversations WHERE id = ?').pluck(),
      turnKeepHandoff: db
        .prepare(`UPDATE conversations SET session_json = @session_json, status = @status, turn = @turn,
          last_message_id = last_message_id + @n, updated_at = @at
          WHERE id = @id AND turn = @expected RETURNING last_message_id`)
        .pluck(),
      turnWithHandoff: db
        .prepare(`UPDATE conversations SET session_json = @session_json, status = @status, turn = @turn,
          last_message_id = last_message_id + @n, updated_at = @at, ${HANDOFF_SET}
          WHERE id = @id AND turn = @expected RETURNING last_message_id`)
        .pluck(),
      bumpMessages: db
        .prepare(`UPDATE conversations SET last_message_id = last_message_id + @n, updated_at = @at
          WHERE id = @id RETURNING last_message_id`)
        .pluck(),
      listMessages: db.prepare('SELECT * FROM messages WHERE session_id = ? AND id > ? ORDER BY id LIMIT ?'),
      listEvents: db.prepare('SELECT * FROM events WHERE session_id = ? ORDER BY id'),
      // flow_id leads the events_flow index; the name filter runs over that flow's rows only.
      listFlowEvents: db.prepare(`SELECT * FROM events WHERE flow_id = @flowId AND name = @name
        AND (@flowVersion IS NULL OR flow_version = @flowVersion) AND (@before IS NULL OR at < @before)
        ORDER BY at DESC, id DESC LIMIT @limit`),
      // Ties by id (byte order), so the queue reads the same on every back end and every call.
      listWaiting: db.prepare(`SELECT * FROM conversations WHERE handoff_status = 'waiting'
        ORDER BY ${PRIORITY_RANK}, handoff_requested_at, id LIMIT ?`),
      listWaitingInQueue: db.prepare(`SELECT * FROM conversations WHERE handoff_status = 'waiting' AND queue = ?
        ORDER BY ${PRIORITY_RANK}, handoff_requested_at, id LIMIT ?`),
      listByStatus: db.prepare('SELECT * FROM conversations WHERE handoff_status = ? ORDER BY updated_at DESC, id DESC LIMIT ?'),
      listByStatusInQueue: db.prepare(
        'SELECT * FROM conversations WHERE handoff_status = ? AND queue = ? ORDER BY updated_at DESC, id DESC LIMIT ?',
      ),
      claim: db.prepare(`UPDATE conversations SET handoff_status = 'active', assigned_agent_id = ?,
        assigned_agent_name = ?, handoff_claimed_at = ?, updated_at = ?
        WHERE id = ? AND handoff_status = 'waiting' AND assigned_agent_id IS NULL RETURNING *`),
      reassign: db.prepare(`UPDATE conversations SET ${HANDOFF_SET}, updated_at = @at
        WHERE id = @id AND handoff_status = @expected_status AND assigned_agent_id IS @expected_agent RETURNING *`),
      listQueues: db.prepare('SELECT DISTINCT queue FROM conversations WHERE queue IS NOT NULL ORDER BY queue').pluck(),
      listAgents: db.prepare('SELECT * FROM agents ORDER BY name'),
      listFlows: db.prepare('SELECT flow_id AS flowId, MAX(flow_version) AS flowVersion FROM conversations GROUP BY flow_id'),
      countRunning: db.prepare(
        `SELECT flow_version AS version, COUNT(*) AS n FROM conversations
         WHERE flow_id = ? AND status NOT IN ('completed', 'expired') AND (status = 'handedOff' OR updated_at >= ?)
         GROUP BY flow_version`,
      ),
      upsertAgent: db.prepare(`INSERT INTO agents (agent_id, name, status, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (agent_id) DO UPDATE SET name = excluded.name, status = excluded.status, updated_at = excluded.updated_at`),
      getAgent: db.prepare('SELECT * FROM agents WHERE agent_id = ?'),
      recordReply: db.prepare(`UPDATE conversation_stats SET reply_ms = json_insert(coalesce(reply_ms, '[]'), '$[#]', @ms)
        WHERE (flow_id, bucket, created_at, id) = (SELECT flow_id, created_at / ${ANALYTICS_BUCKET_MS}, created_at, id FROM conversations WHERE id = @id)`),
      countOnline: db.prepare(`SELECT COUNT(*) FROM agents WHERE status = 'online'`).pluck(),
    };

    const writeTurn = (t: TurnWrite): TurnResult => {
      // Read before the UPDATE below drops it from the cache (see RecordCache).
      const cached = this.cache.get(t.sessionId);
      if (cached) this.turnBase.set(t, cached);
      const n = t.messages.length;
      const base = {
        id: t.sessionId,
        expected: t.expectedTurn,
        session_json: JSON.stringify(t.session),
        status: t.session.status,
        turn: t.session.turn,
        n,
        at: t.at,
      };
      const last =
        t.handoff === undefined
          ? (this.stmt.turnKeepHandoff.get(base) as number | undefined)
          : (this.stmt.turnWithHandoff.get({ ...base, ...handoffColumns(t.handoff) }) as number | undefined);
      if (last === undefined) {
        return { ok: false, reason: this.stmt.exists.get(t.sessionId) ? 'conflict' : 'notFound' };
      }
      const stored = this.insertMessages(t.sessionId, last - n, t.messages);
      this.insertEvents(t.events);
      if (t.replyMs !== undefined) this.stmt.recordReply.run({ id: t.sessionId, ms: t.replyMs });
      return { ok: true, messages: stored };
    };
    this.turns = new GroupCommit(db, writeTurn, (t, result) => this.cacheTurn(t, result));

    this.writeCreate = db.transaction((c: NewConversation, messages: NewMessage[], events: EventRecord[]) => {
      this.stmt.insertConversation.run({
        id: c.id,
        flow_id: c.flowId,
        flow_version: c.flowVersion,
        token_hash: c.tokenHash,
        session_json: JSON.stringify(c.session),
        status: c.session.status,
        turn: c.session.turn,
        last_message_id: messages.length,
        ...handoffColumns(c.handoff),
        origin: c.origin,
        visitor_id: c.visitorId ?? null,
        at: c.at,
      });
      const stored = this.insertMessages(c.id, 0, messages);
      this.insertEvents(events);
      return stored;
    });

    this.writeAppend = db.transaction((sessionId: string, messages: NewMessage[], at: number) => {
      const last = this.stmt.bumpMessages.get({ id: sessionId, n: messages.length, at }) as number | undefined;
      if (last === undefined) return null;
      return this.insertMessages(sessionId, last - messages.length, messages);
    });
  }

  private checkpointer: { stop(): Promise<void> } | null = null;

  static open(file: string, options: SqliteStoreOptions = {}): SqliteConversationStore {
    const store = new SqliteConversationStore(openConversationDatabase(file), options);
    store.checkpointer = startCheckpointWorker(file);
    return store;
  }

  private insertMessages(sessionId: string, firstIdMinusOne: number, messages: NewMessage[]): StoredMessage[] {
    const stored = messages.map((m, i) => ({ ...m, id: firstIdMinusOne + i + 1 }));
    this.messageRows.run(
      stored.map((m) => [
        sessionId,
        m.id,
        m.from,
        m.kind,
        m.text ?? null,
        m.url ?? null,
        m.alt ?? null,
        m.links === undefined ? null : JSON.stringify(m.links),
        m.agentName ?? null,
        m.at,
      ]),
    );
    return stored;
  }

  private insertEvents(events: EventRecord[]): void {
    this.eventRows.run(
      events.map((e) => [e.flowId, e.flowVersion, e.sessionId, e.name, e.nodeId, e.data === null ? null : JSON.stringify(e.data), e.at]),
    );
  }

  /** After a committed turn, the record it produced replaces the one it started from. */
  private cacheTurn(t: TurnWrite, result: TurnResult): void {
    const base = this.turnBase.get(t);
    this.turnBase.delete(t);
    if (!base || !result.ok) return;
    this.cache.set({
      ...base,
      session: t.session,
      handoff: t.handoff === undefined ? base.handoff : t.handoff,
      lastMessageId: result.messages.at(-1)?.id ?? base.lastMessageId,
      updatedAt: t.at,
    });
  }

  async create(conversation: NewConversation, messages: NewMessage[], events: EventRecord[]): Promise<StoredMessage[]> {
    const stored = this.writeCreate(conversation, messages, events);
    const c = conversation;
    this.cache.set({
      id: c.id,
      flowId: c.flowId,
      flowVersion: c.flowVersion,
      tokenHash: c.tokenHash,
      session: c.session,
      handoff: c.handoff,
      origin: c.origin,
      lastMessageId: messages.length,
      createdAt: c.at,
      updatedAt: c.at,
    });
    return stored;
  }

  async get(id: string): Promise<ConversationRecord | null> {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const row = this.stmt.get.get(id) as ConversationRow | undefined;
    if (!row) return null;
    const record = toConversation(row);
    this.cache.set(record);
    return record;
  }

  async commitTurn(turn: TurnWrite): Promise<TurnResult> {
    return this.turns.submit(turn);
  }

  async appendMessages(sessionId: string, messages: NewMessage[], at: number): Promise<StoredMessage[] | null> {
    return this.writeAppend(sessionId, messages, at);
  }

  async listMessages(sessionId: string, afterId: number, limit = 1000): Promise<StoredMessage[]> {
    return (this.stmt.listMessages.all(sessionId, afterId, limit) as MessageRow[]).map(toMessage);
  }

  async listEvents(sessionId: string): Promise<EventRecord[]> {
    return (this.stmt.listEvents.all(sessionId) as EventRow[]).map(toEvent);
  }

  async listFlowEvents(query: FlowEventQuery): Promise<EventRecord[]> {
    const params = { flowId: query.flowId, name: query.name, flowVersion: query.flowVersion ?? null, before: query.before ?? null, limit: query.limit };
    return (this.stmt.listFlowEvents.all(params) as EventRow[]).map(toEvent);
  }

  async listHandoffs(query: HandoffListQuery): Promise<ConversationRecord[]> {
    const limit = query.limit ?? 200;
    let rows: unknown[];
    if (query.status === 'waiting') {
      rows =
        query.queue === undefined
          ? this.stmt.listWaiting.all(limit)
          : this.stmt.listWaitingInQueue.all(query.queue, limit);
    } else {
      rows =
        query.queue === undefined
          ? this.stmt.listByStatus.all(query.status, limit)
          : this.stmt.listByStatusInQueue.all(query.status, query.queue, limit);
    }
    return (rows as ConversationRow[]).map(toConversation);
  }

  async claim(sessionId: string, agent: AgentRef, at: number): Promise<ClaimResult> {
    const row = this.stmt.claim.get(agent.id, agent.name, at, at, sessionId) as ConversationRow | undefined;
    if (row) return { ok: true, conversation: toConversation(row) };
    const current = this.stmt.get.get(sessionId) as ConversationRow | undefined;
    if (!current) return { ok: false, reason: 'notFound' };
    if (current.assigned_agent_id !== null && current.handoff_status === 'active') {
      return {
        ok: false,
        reason: 'alreadyClaimed',
        by: { id: current.assigned_agent_id, name: current.assigned_agent_name ?? '' },
      };
    }
    return { ok: false, reason: 'notWaiting' };
  }

  async reassign(sessionId: string, expected: HandoffExpectation, handoff: HandoffState, at: number): Promise<ConversationRecord | null> {
    const row = this.stmt.reassign.get({
      id: sessionId,
      at,
      expected_status: expected.status,
      expected_agent: expected.agentId,
      ...handoffColumns(handoff),
    }) as ConversationRow | undefined;
    return row ? toConversation(row) : null;
  }

  async searchConversations(query: ConversationSearch): Promise<ConversationSearchHit[]> {
    return this.searcher.search(query);
  }

  async listQueues(): Promise<string[]> {
    return this.stmt.listQueues.all() as string[];
  }

  async listConversationFlows(): Promise<{ flowId: string; flowVersion: number }[]> {
    return this.stmt.listFlows.all() as { flowId: string; flowVersion: number }[];
  }

  async countRunningByVersion(flowId: string, activeSince: number): Promise<Record<number, number>> {
    const rows = this.stmt.countRunning.all(flowId, activeSince) as { version: number; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.version, r.n]));
  }

  async listAgents(): Promise<AgentAvailability[]> {
    return (this.stmt.listAgents.all() as AgentRow[]).map(toAvailability);
  }

  async setAvailability(agent: AgentRef, status: AgentStatus, at: number): Promise<void> {
    this.stmt.upsertAgent.run(agent.id, agent.name, status, at);
    this.onlineAgents = null;
  }

  async getAvailability(agentId: string): Promise<AgentAvailability | null> {
    const row = this.stmt.getAgent.get(agentId) as AgentRow | undefined;
    return row ? toAvailability(row) : null;
  }

  async countOnlineAgents(): Promise<number> {
    this.onlineAgents ??= this.stmt.countOnline.get() as number;
    return this.onlineAgents;
  }

  async findConversations(query: string, limit: number): Promise<ConversationMatch[]> {
    return this.privacy.find(query, limit);
  }

  async eraseConversations(ids: readonly string[]): Promise<number> {
    // Pending group-committed turns go first, so none of them re-inserts rows after the delete.
    this.turns.flush();
    const erased = this.privacy.erase(ids);
    for (const id of ids) this.cache.delete(id);
    return erased;
  }

  async idleConversationsBefore(cutoff: number, limit: number): Promise<string[]> {
    return this.privacy.idleBefore(cutoff, limit);
  }

  async dailyCounts(flowId?: string): Promise<DailyCount[]> {
    return this.privacy.dailyCounts(flowId ?? null);
  }

  async analyticsFacts(query: AnalyticsFactsQuery): Promise<AnalyticsFacts> {
    return this.analytics.read(query);
  }

  async analyticsPaths(query: AnalyticsFactsQuery): Promise<PathFacts> {
    return this.analytics.paths(query);
  }

  async listReviewMarks(flowId: string): Promise<ReviewMark[]> {
    return this.reviewMarks.list(flowId);
  }

  async putReviewMarks(marks: readonly ReviewMark[]): Promise<void> {
    this.reviewMarks.put(marks);
  }

  async deleteReviewMarks(flowId: string, keys: readonly string[]): Promise<number> {
    return this.reviewMarks.remove(flowId, keys);
  }

  async deleteFlowReviewMarks(flowId: string): Promise<number> {
    return this.reviewMarks.removeFlow(flowId);
  }

  async listAnalyticsConversations(query: ConversationListQuery): Promise<ConversationListPage> {
    return this.conversationList.list(query);
  }

  async conversationPath(sessionId: string): Promise<{ flowId: string; steps: ConversationPathStep[] } | null> {
    return this.conversationList.path(sessionId);
  }

  async close(): Promise<void> {
    await this.analyticsReads.close();
    if (this.db.open) this.turns.flush();
    await this.checkpointer?.stop();
    this.checkpointer = null;
    if (this.db.open) this.db.close();
  }
}

interface AgentRow {
  agent_id: string;
  name: string;
  status: AgentStatus;
  updated_at: number;
}

function toAvailability(row: AgentRow): AgentAvailability {
  return { agentId: row.agent_id, name: row.name, status: row.status, updatedAt: row.updated_at };
}
