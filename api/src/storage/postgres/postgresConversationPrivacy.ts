import { sql } from 'kysely';
import type { ConversationMatch, DailyCount } from '../../../../runtime/src/chat/conversationStore';
import { toConversation, type ConversationRow } from '../conversationRows';
import type { PostgresDatabase } from './database';

/** The UTC day of an instant, the unit aggregates are kept in. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// Phone numbers are typed many ways ("+48 600-100-200", "600100200"): compare digits only.
const DIGITS = sql`replace(replace(replace(replace(replace(replace(v.value #>> '{}', ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')`;

interface Count {
  flowId: string;
  day: string;
  metric: string;
  n: number;
}

/**
 * Finding, exporting and deleting one customer's conversations, and the retention sweep, with
 * the SQLite store's semantics. Every deletion first folds what the conversation counted
 * (started, completed, handed off, each event name) into `daily_counts`, in the same transaction.
 */
export class PostgresConversationPrivacy {
  constructor(private readonly db: PostgresDatabase) {}

  /** By conversation id, or by a captured variable value / text the customer typed. */
  async find(query: string, limit: number): Promise<ConversationMatch[]> {
    const value = query.trim();
    const exact = await this.db.selectFrom('conversations').selectAll().where('id', '=', value).executeTakeFirst();
    if (exact) return [{ record: toConversation(exact), matchedBy: 'id' }];
    const digits = /[A-Za-z@]/.test(value) ? '' : value.replace(/[\s\-+().]/g, '');
    // A full scan, as in SQLite: an admin's occasional request, not a chat turn. Sessions are
    // text (see the migration); sb_jsonb_or_null reads them as JSON and skips the rare one that
    // jsonb refuses, so one odd session cannot fail the whole request.
    // Ties in created_at go by id in byte order, as SQLite sorts them; without it the order was the hash aggregate's.
    const result = await sql<ConversationRow & { matched_by: 'variable' | 'message' }>`
      SELECT c.*, CASE WHEN bool_or(hit.matched_by = 'variable') THEN 'variable' ELSE 'message' END AS matched_by FROM (
        SELECT c.id, 'variable' AS matched_by FROM conversations c,
          jsonb_each(sb_jsonb_or_null(c.session_json) -> 'variables') v
        WHERE jsonb_typeof(v.value) = 'string' AND (lower(btrim(v.value #>> '{}', ' ')) = lower(${value})
          OR (length(${digits}) >= 9 AND length(${DIGITS}) >= 9
            AND (right(${DIGITS}, length(${digits})) = ${digits} OR right(${digits}, length(${DIGITS})) = ${DIGITS})))
        UNION ALL
        SELECT m.session_id, 'message' FROM messages m
        WHERE length(${value}) >= 5 AND m.sender = 'customer' AND strpos(lower(m.text), lower(${value})) > 0
      ) hit JOIN conversations c ON c.id = hit.id
      GROUP BY c.id ORDER BY c.created_at DESC, c.id COLLATE "C" DESC LIMIT ${limit}`.execute(this.db);
    return result.rows.map((r) => ({ record: toConversation(r), matchedBy: r.matched_by }));
  }

  /**
   * Deletes the conversations that exist among `ids`, returning how many. Their rows are locked
   * first, so a turn committing at the same moment either lands before (and is counted) or finds
   * the conversation gone.
   */
  async erase(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const sorted = [...new Set(ids)].sort();
    return this.db.transaction().execute(async (trx) => {
      const facts = await sql<{ id: string; flow_id: string; created_at: number; status: string; handoff_status: string | null }>`
        SELECT id, flow_id, created_at, status, handoff_status FROM conversations
        WHERE id = ANY(${sorted}::text[]) ORDER BY id COLLATE "C" FOR UPDATE`.execute(trx);
      if (facts.rows.length === 0) return 0;
      const found = facts.rows.map((f) => f.id);
      const counts = new Map<string, Count>();
      const count = (flowId: string, day: string, metric: string, n: number) => {
        const key = `${flowId}\u0000${day}\u0000${metric}`;
        const hit = counts.get(key);
        if (hit) hit.n += n;
        else counts.set(key, { flowId, day, metric, n });
      };
      for (const f of facts.rows) {
        const day = dayOf(f.created_at);
        count(f.flow_id, day, 'conversations.started', 1);
        if (f.status === 'completed') count(f.flow_id, day, 'conversations.completed', 1);
        if (f.handoff_status !== null) count(f.flow_id, day, 'conversations.handedOff', 1);
      }
      const events = await sql<{ flow_id: string; day: string; name: string; n: number }>`
        SELECT flow_id, to_char(to_timestamp(at / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, name, COUNT(*) AS n
        FROM events WHERE session_id = ANY(${found}::text[]) GROUP BY 1, 2, 3`.execute(trx);
      for (const e of events.rows) count(e.flow_id, e.day, `events.${e.name}`, e.n);
      // In key order, so two erasures touching the same days cannot deadlock on daily_counts.
      const rows = [...counts.values()]
        .sort((a, b) => (a.flowId + a.day + a.metric < b.flowId + b.day + b.metric ? -1 : 1))
        .map((c) => ({ flow_id: c.flowId, day: c.day, metric: c.metric, count: c.n }));
      await trx
        .insertInto('daily_counts')
        .values(rows)
        .onConflict((oc) => oc.columns(['flow_id', 'day', 'metric']).doUpdateSet({ count: sql<number>`daily_counts.count + excluded.count` }))
        .execute();
      await trx.deleteFrom('messages').where('session_id', 'in', found).execute();
      await trx.deleteFrom('events').where('session_id', 'in', found).execute();
      await trx.deleteFrom('conversations').where('id', 'in', found).execute();
      return found.length;
    });
  }

  /** The oldest conversations untouched since `cutoff`, at most `limit` of them. */
  async idleBefore(cutoff: number, limit: number): Promise<string[]> {
    // Idle since the cutoff implies created before it, so conversations_created narrows the scan.
    const rows = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('created_at', '<', cutoff)
      .where('updated_at', '<', cutoff)
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async dailyCounts(flowId: string | null): Promise<DailyCount[]> {
    let q = this.db.selectFrom('daily_counts').select(['flow_id as flowId', 'day', 'metric', 'count']);
    if (flowId !== null) q = q.where('flow_id', '=', flowId);
    return q.orderBy(sql`flow_id COLLATE "C"`).orderBy(sql`day COLLATE "C"`).orderBy(sql`metric COLLATE "C"`).execute();
  }
}
