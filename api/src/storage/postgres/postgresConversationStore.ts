import { sql, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type {
  AgentAvailability,
  AgentRef,
  AgentStatus,
  ClaimResult,
  ConversationMatch,
  ConversationRecord,
  ConversationSearch,
  ConversationSearchHit,
  ConversationStore,
  DailyCount,
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
import type { AnalyticsFacts, AnalyticsFactsQuery, PathFacts } from '../../../../runtime/src/chat/analyticsFacts';
import type { NewMessage, StoredMessage } from '../../../../runtime/src/chat/messages';
import { handoffColumns, toConversation, toEvent, toMessage } from '../conversationRows';
import type pg from 'pg';
import { migrateToLatest, openPostgres, poolOf, type PostgresDatabase } from './database';
import { commitTurn as commitTurnStatement, readConversation, type ConversationReadRow } from './turnStatements';
import type { Database } from './tables';
import { NulSafePlugin } from './nulSafePlugin';
import { PostgresConversationSearcher } from './postgresConversationSearch';
import { PostgresConversationPrivacy } from './postgresConversationPrivacy';
import { PostgresAnalyticsReader } from './postgresAnalyticsReader';
import { PostgresConversationListReader } from './postgresConversationListReader';
import type { ConversationListPage, ConversationListQuery, ConversationPathStep } from '../../../../runtime/src/chat/conversationList';

type Db = PostgresDatabase | Transaction<Database>;

// Waiting conversations are served most urgent first, then oldest first.
const PRIORITY_RANK = sql<number>`CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

// Far below PostgreSQL's 65535 bound parameters per statement for either table.
const ROWS_PER_INSERT = 500;

/**
 * The conversation store for several instances on one PostgreSQL database. Nothing is cached in
 * the process: another instance may have moved any conversation since. What SQLite gets from one
 * writer, this gets from row locks: a turn's conditional UPDATE of the conversation row comes
 * first in its transaction, so a second turn on the same conversation waits for the first to
 * commit, then finds the turn moved (a conflict the chat service retries from a fresh read).
 * Message ids are taken from `last_message_id` under that same lock, so per conversation they
 * follow commit order with no gaps, as in SQLite.
 */
export class PostgresConversationStore implements ConversationStore {
  private readonly db: PostgresDatabase;
  private readonly searcher: PostgresConversationSearcher;
  private readonly privacy: PostgresConversationPrivacy;
  private readonly analytics: PostgresAnalyticsReader;
  private readonly conversationList: PostgresConversationListReader;
  /** For the turn's two statements, which skip Kysely (see turnStatements.ts). */
  private readonly pool: pg.Pool;
  /** How many agents were online when `get` read each record it returned, read in the same statement. */
  private readonly onlineAgentsAtRead = new WeakMap<ConversationRecord, number>();

  constructor(
    db: PostgresDatabase,
    /** Resolves once the schema is current; every method waits for it. */
    private readonly ready: Promise<unknown> = Promise.resolve(),
    private readonly ownsPool = false,
  ) {
    this.db = db.withPlugin(new NulSafePlugin());
    this.pool = poolOf(db);
    this.searcher = new PostgresConversationSearcher(this.db);
    this.privacy = new PostgresConversationPrivacy(this.db);
    this.analytics = new PostgresAnalyticsReader(this.db);
    this.conversationList = new PostgresConversationListReader(this.db);
    // A failed migration is reported by whoever awaits `ready`; never an unhandled rejection.
    ready.catch(() => undefined);
  }

  /**
   * Its own pool on `url`, migrating on open (safe when several instances start at once, see
   * migrateToLatest). `close()` ends the pool.
   */
  static open(url: string, options: { logger?: Logger; maxConnections?: number } = {}): PostgresConversationStore {
    const db = openPostgres(url, options);
    return new PostgresConversationStore(db, migrateToLatest(db, options.logger), true);
  }

  /** Resolves when the store can serve; rejects with the migration's error. */
  whenReady(): Promise<void> {
    return this.ready.then(() => undefined);
  }

  private async conn(): Promise<PostgresDatabase> {
    await this.ready;
    return this.db;
  }

  private async insertMessages(db: Db, sessionId: string, firstIdMinusOne: number, messages: NewMessage[]): Promise<StoredMessage[]> {
    const stored = messages.map((m, i) => ({ ...m, id: firstIdMinusOne + i + 1 }));
    for (let start = 0; start < stored.length; start += ROWS_PER_INSERT) {
      const rows = stored.slice(start, start + ROWS_PER_INSERT).map((m) => ({
        session_id: sessionId,
        id: m.id,
        sender: m.from,
        kind: m.kind,
        text: m.text ?? null,
        url: m.url ?? null,
        alt: m.alt ?? null,
        links: m.links === undefined ? null : JSON.stringify(m.links),
        agent_name: m.agentName ?? null,
        at: m.at,
      }));
      await db.insertInto('messages').values(rows).execute();
    }
    return stored;
  }

  private async insertEvents(db: Db, events: EventRecord[]): Promise<void> {
    for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
      const rows = events.slice(start, start + ROWS_PER_INSERT).map((e) => ({
        flow_id: e.flowId,
        flow_version: e.flowVersion,
        session_id: e.sessionId,
        name: e.name,
        node_id: e.nodeId,
        data: e.data === null ? null : JSON.stringify(e.data),
        at: e.at,
      }));
      await db.insertInto('events').values(rows).execute();
    }
  }

  async create(c: NewConversation, messages: NewMessage[], events: EventRecord[]): Promise<StoredMessage[]> {
    const db = await this.conn();
    return db.transaction().execute(async (trx) => {
      await trx
        .insertInto('conversations')
        .values({
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
          created_at: c.at,
          updated_at: c.at,
        })
        .execute();
      const stored = await this.insertMessages(trx, c.id, 0, messages);
      await this.insertEvents(trx, events);
      return stored;
    });
  }

  async get(id: string): Promise<ConversationRecord | null> {
    await this.ready;
    const row = (await this.pool.query<ConversationReadRow>(readConversation(id))).rows[0];
    if (!row) return null;
    const record = toConversation(row);
    this.onlineAgentsAtRead.set(record, row.online_agents);
    return record;
  }

  async commitTurn(t: TurnWrite): Promise<TurnResult> {
    const db = await this.conn();
    const result = await this.pool.query<{ last_message_id: number }>(commitTurnStatement(t));
    const moved = result.rows[0];
    if (!moved) {
      const exists = await db.selectFrom('conversations').select('id').where('id', '=', t.sessionId).executeTakeFirst();
      return { ok: false, reason: exists ? 'conflict' : 'notFound' };
    }
    const first = moved.last_message_id - t.messages.length;
    return { ok: true, messages: t.messages.map((x, i) => ({ ...x, id: first + i + 1 })) };
  }

  async appendMessages(sessionId: string, messages: NewMessage[], at: number): Promise<StoredMessage[] | null> {
    const db = await this.conn();
    return db.transaction().execute(async (trx) => {
      const bumped = await trx
        .updateTable('conversations')
        .set({ last_message_id: sql<number>`last_message_id + ${messages.length}`, updated_at: at })
        .where('id', '=', sessionId)
        .returning('last_message_id')
        .executeTakeFirst();
      if (!bumped) return null;
      return this.insertMessages(trx, sessionId, bumped.last_message_id - messages.length, messages);
    });
  }

  async listMessages(sessionId: string, afterId: number, limit = 1000): Promise<StoredMessage[]> {
    const db = await this.conn();
    const rows = await db
      .selectFrom('messages')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toMessage);
  }

  async listEvents(sessionId: string): Promise<EventRecord[]> {
    const db = await this.conn();
    const rows = await db.selectFrom('events').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();
    return rows.map(toEvent);
  }

  async listFlowEvents(query: FlowEventQuery): Promise<EventRecord[]> {
    const db = await this.conn();
    let q = db.selectFrom('events').selectAll().where('flow_id', '=', query.flowId).where('name', '=', query.name);
    if (query.flowVersion !== undefined) q = q.where('flow_version', '=', query.flowVersion);
    if (query.before !== undefined) q = q.where('at', '<', query.before);
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map(toEvent);
  }

  async listHandoffs(query: HandoffListQuery): Promise<ConversationRecord[]> {
    const db = await this.conn();
    let q = db.selectFrom('conversations').selectAll().where('handoff_status', '=', query.status);
    if (query.queue !== undefined) q = q.where('queue', '=', query.queue);
    // Ties by id in byte order, as SQLite breaks them; without it PostgreSQL returned them in any order.
    q =
      query.status === 'waiting'
        ? q.orderBy(PRIORITY_RANK).orderBy('handoff_requested_at').orderBy(sql`id COLLATE "C"`)
        : q.orderBy('updated_at', 'desc').orderBy(sql`id COLLATE "C" DESC`);
    const rows = await q.limit(query.limit ?? 200).execute();
    return rows.map(toConversation);
  }

  async claim(sessionId: string, agent: AgentRef, at: number): Promise<ClaimResult> {
    const db = await this.conn();
    // One statement: of two agents claiming at once, the second waits for the first's row lock
    // and then no longer finds the conversation waiting.
    const row = await db
      .updateTable('conversations')
      .set({ handoff_status: 'active', assigned_agent_id: agent.id, assigned_agent_name: agent.name, handoff_claimed_at: at, updated_at: at })
      .where('id', '=', sessionId)
      .where('handoff_status', '=', 'waiting')
      .where('assigned_agent_id', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (row) return { ok: true, conversation: toConversation(row) };
    const current = await db.selectFrom('conversations').selectAll().where('id', '=', sessionId).executeTakeFirst();
    if (!current) return { ok: false, reason: 'notFound' };
    if (current.assigned_agent_id !== null && current.handoff_status === 'active') {
      return { ok: false, reason: 'alreadyClaimed', by: { id: current.assigned_agent_id, name: current.assigned_agent_name ?? '' } };
    }
    return { ok: false, reason: 'notWaiting' };
  }

  async reassign(sessionId: string, expected: HandoffExpectation, handoff: HandoffState, at: number): Promise<ConversationRecord | null> {
    const db = await this.conn();
    const row = await db
      .updateTable('conversations')
      .set({ ...handoffColumns(handoff), updated_at: at })
      .where('id', '=', sessionId)
      .where('handoff_status', '=', expected.status)
      .where(sql<boolean>`assigned_agent_id IS NOT DISTINCT FROM ${expected.agentId}::text`)
      .returningAll()
      .executeTakeFirst();
    return row ? toConversation(row) : null;
  }

  async searchConversations(query: ConversationSearch): Promise<ConversationSearchHit[]> {
    await this.ready;
    return this.searcher.search(query);
  }

  async listQueues(): Promise<string[]> {
    const db = await this.conn();
    // COLLATE "C": the byte order SQLite sorts in, whatever the database's locale.
    const rows = await sql<{ queue: string }>`SELECT DISTINCT queue COLLATE "C" AS queue FROM conversations
      WHERE queue IS NOT NULL ORDER BY 1`.execute(db);
    return rows.rows.map((r) => r.queue);
  }

  async listConversationFlows(): Promise<{ flowId: string; flowVersion: number }[]> {
    const db = await this.conn();
    return db
      .selectFrom('conversations')
      .select(['flow_id as flowId', (eb) => eb.fn.max('flow_version').as('flowVersion')])
      .groupBy('flow_id')
      .execute();
  }

  async countRunningByVersion(flowId: string, activeSince: number): Promise<Record<number, number>> {
    const db = await this.conn();
    const rows = await db
      .selectFrom('conversations')
      .select(['flow_version as version', (eb) => eb.fn.countAll<number>().as('n')])
      .where('flow_id', '=', flowId)
      .where('status', 'not in', ['completed', 'expired'])
      .where((eb) => eb.or([eb('status', '=', 'handedOff'), eb('updated_at', '>=', activeSince)]))
      .groupBy('flow_version')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.version, r.n]));
  }

  async listAgents(): Promise<AgentAvailability[]> {
    const db = await this.conn();
    const rows = await db.selectFrom('agents').selectAll().orderBy(sql`name COLLATE "C"`).execute();
    return rows.map(toAvailability);
  }

  async setAvailability(agent: AgentRef, status: AgentStatus, at: number): Promise<void> {
    const db = await this.conn();
    await db
      .insertInto('agents')
      .values({ agent_id: agent.id, name: agent.name, status, updated_at: at })
      .onConflict((oc) => oc.column('agent_id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), status: eb.ref('excluded.status'), updated_at: eb.ref('excluded.updated_at') })))
      .execute();
  }

  async getAvailability(agentId: string): Promise<AgentAvailability | null> {
    const db = await this.conn();
    const row = await db.selectFrom('agents').selectAll().where('agent_id', '=', agentId).executeTakeFirst();
    return row ? toAvailability(row) : null;
  }

  async countOnlineAgents(readWith?: ConversationRecord): Promise<number> {
    const atRead = readWith === undefined ? undefined : this.onlineAgentsAtRead.get(readWith);
    if (atRead !== undefined) return atRead;
    const db = await this.conn();
    // Not cached as SQLite does: an agent may go online through another instance.
    const row = await db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'online').executeTakeFirstOrThrow();
    return row.n;
  }

  async findConversations(query: string, limit: number): Promise<ConversationMatch[]> {
    await this.ready;
    return this.privacy.find(query, limit);
  }

  async eraseConversations(ids: readonly string[]): Promise<number> {
    await this.ready;
    return this.privacy.erase(ids);
  }

  async idleConversationsBefore(cutoff: number, limit: number): Promise<string[]> {
    await this.ready;
    return this.privacy.idleBefore(cutoff, limit);
  }

  async dailyCounts(flowId?: string): Promise<DailyCount[]> {
    await this.ready;
    return this.privacy.dailyCounts(flowId ?? null);
  }

  async analyticsFacts(query: AnalyticsFactsQuery): Promise<AnalyticsFacts> {
    await this.ready;
    return this.analytics.read(query);
  }

  async analyticsPaths(query: AnalyticsFactsQuery): Promise<PathFacts> {
    await this.ready;
    return this.analytics.paths(query);
  }

  async listAnalyticsConversations(query: ConversationListQuery): Promise<ConversationListPage> {
    await this.ready;
    return this.conversationList.list(query);
  }

  async conversationPath(sessionId: string): Promise<{ flowId: string; steps: ConversationPathStep[] } | null> {
    await this.ready;
    return this.conversationList.path(sessionId);
  }

  private closed: Promise<void> | null = null;

  async listReviewMarks(flowId: string): Promise<ReviewMark[]> {
    const db = await this.conn();
    const rows = await db.selectFrom('review_marks').selectAll().where('flow_id', '=', flowId).execute();
    return rows.map((r) => ({
      flowId: r.flow_id,
      key: r.key,
      action: r.action === 'added' ? 'added' : 'dismissed',
      beforeVersion: r.before_version,
      target: r.target,
      by: r.by_user,
      at: r.at,
    }));
  }

  async putReviewMarks(marks: readonly ReviewMark[]): Promise<void> {
    if (marks.length === 0) return;
    const db = await this.conn();
    // One mark per key: PostgreSQL refuses an upsert that names the same row twice.
    const byKey = new Map(marks.map((m) => [`${m.flowId}\u0000${m.key}`, m]));
    const rows = [...byKey.values()].map((m) => ({
      flow_id: m.flowId,
      key: m.key,
      action: m.action,
      before_version: m.beforeVersion,
      target: m.target,
      by_user: m.by,
      at: m.at,
    }));
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await db
        .insertInto('review_marks')
        .values(rows.slice(start, start + ROWS_PER_INSERT))
        .onConflict((oc) =>
          oc.columns(['flow_id', 'key']).doUpdateSet((eb) => ({
            action: eb.ref('excluded.action'),
            before_version: eb.ref('excluded.before_version'),
            target: eb.ref('excluded.target'),
            by_user: eb.ref('excluded.by_user'),
            at: eb.ref('excluded.at'),
          })),
        )
        .execute();
    }
  }

  async deleteReviewMarks(flowId: string, keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const db = await this.conn();
    const result = await db.deleteFrom('review_marks').where('flow_id', '=', flowId).where('key', 'in', [...keys]).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteFlowReviewMarks(flowId: string): Promise<number> {
    const db = await this.conn();
    const result = await db.deleteFrom('review_marks').where('flow_id', '=', flowId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async close(): Promise<void> {
    if (!this.ownsPool) return;
    // After a failed migration too: the pool still holds connections.
    this.closed ??= this.ready.then(
      () => this.db.destroy(),
      () => this.db.destroy(),
    );
    await this.closed;
  }
}

interface AgentRow {
  agent_id: string;
  name: string;
  status: string;
  updated_at: number;
}

function toAvailability(row: AgentRow): AgentAvailability {
  return { agentId: row.agent_id, name: row.name, status: row.status as AgentStatus, updatedAt: row.updated_at };
}
