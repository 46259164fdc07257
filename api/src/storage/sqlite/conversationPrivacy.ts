import type Database from 'better-sqlite3';
import type { ConversationMatch, DailyCount } from '../../../../runtime/src/chat/conversationStore';
import { toConversation, type ConversationRow } from '../conversationRows';
import { registerUnicodeLower } from './unicodeLower';

/** The UTC day of an instant, the unit aggregates are kept in. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// Phone numbers are typed many ways ("+48 600-100-200", "600100200"): compare digits only.
const DIGITS = (x: string) => `replace(replace(replace(replace(replace(replace(${x}, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')`;

/**
 * Finding, exporting and deleting one customer's conversations, and the retention sweep. Every
 * deletion first folds what the conversation counted (started, completed, handed off, each
 * event name) into `daily_counts`, in the same transaction.
 */
export class ConversationPrivacy {
  private readonly stmt;
  readonly erase: (ids: readonly string[]) => number;

  constructor(private readonly db: Database.Database) {
    registerUnicodeLower(db);
    this.stmt = {
      byId: db.prepare('SELECT * FROM conversations WHERE id = ?'),
      // A full scan: an admin's occasional request, not a chat turn; an index on every variable
      // value would cost each turn a write. 'variable' sorts after 'message', so MAX prefers it.
      // A phone number matches when one side's digits end with the other's (+48 600… = 600…).
      byValue: db.prepare(`SELECT c.*, MAX(hit.matched_by) AS matched_by FROM (
          SELECT c.id, 'variable' AS matched_by FROM conversations c, json_each(c.session_json, '$.variables') v
          WHERE v.type = 'text' AND (sb_lower(trim(v.value)) = sb_lower(@value)
            OR (length(@digits) >= 9 AND length(${DIGITS('v.value')}) >= 9
              AND (substr(${DIGITS('v.value')}, -length(@digits)) = @digits
                OR substr(@digits, -length(${DIGITS('v.value')})) = ${DIGITS('v.value')})))
          UNION ALL
          SELECT m.session_id, 'message' FROM messages m
          WHERE length(@value) >= 5 AND m.sender = 'customer' AND instr(sb_lower(m.text), sb_lower(@value)) > 0
        ) hit JOIN conversations c ON c.id = hit.id
        GROUP BY c.id ORDER BY c.created_at DESC, c.id DESC LIMIT @limit`),
      // Idle since the cutoff implies created before it, so conversations_created narrows the scan.
      idleBefore: db.prepare('SELECT id FROM conversations WHERE created_at < @cutoff AND updated_at < @cutoff ORDER BY created_at LIMIT @limit').pluck(),
      conversationFacts: db.prepare('SELECT flow_id, created_at, status, handoff_status FROM conversations WHERE id = ?'),
      eventCounts: db.prepare(`SELECT flow_id, at, name FROM events WHERE session_id = ?`),
      bump: db.prepare(`INSERT INTO daily_counts (flow_id, day, metric, count) VALUES (?, ?, ?, ?)
        ON CONFLICT (flow_id, day, metric) DO UPDATE SET count = count + excluded.count`),
      deleteMessages: db.prepare('DELETE FROM messages WHERE session_id = ?'),
      deleteEvents: db.prepare('DELETE FROM events WHERE session_id = ?'),
      deleteConversation: db.prepare('DELETE FROM conversations WHERE id = ?'),
      dailyCounts: db.prepare(`SELECT flow_id AS flowId, day, metric, count FROM daily_counts
        WHERE (@flowId IS NULL OR flow_id = @flowId) ORDER BY flow_id, day, metric`),
    };
    this.erase = db.transaction((ids: readonly string[]) => {
      let erased = 0;
      for (const id of ids) {
        const facts = this.stmt.conversationFacts.get(id) as
          | { flow_id: string; created_at: number; status: string; handoff_status: string | null }
          | undefined;
        if (!facts) continue;
        const counts = new Map<string, { flowId: string; day: string; metric: string; n: number }>();
        const count = (flowId: string, at: number, metric: string) => {
          const key = `${flowId}\u0000${dayOf(at)}\u0000${metric}`;
          const hit = counts.get(key);
          if (hit) hit.n++;
          else counts.set(key, { flowId, day: dayOf(at), metric, n: 1 });
        };
        count(facts.flow_id, facts.created_at, 'conversations.started');
        if (facts.status === 'completed') count(facts.flow_id, facts.created_at, 'conversations.completed');
        if (facts.handoff_status !== null) count(facts.flow_id, facts.created_at, 'conversations.handedOff');
        for (const e of this.stmt.eventCounts.iterate(id) as Iterable<{ flow_id: string; at: number; name: string }>) {
          count(e.flow_id, e.at, `events.${e.name}`);
        }
        for (const c of counts.values()) this.stmt.bump.run(c.flowId, c.day, c.metric, c.n);
        this.stmt.deleteMessages.run(id);
        this.stmt.deleteEvents.run(id);
        this.stmt.deleteConversation.run(id);
        erased++;
      }
      return erased;
    });
  }

  /** By conversation id, or by a captured variable value / text the customer typed. */
  find(query: string, limit: number): ConversationMatch[] {
    const value = query.trim();
    const exact = this.stmt.byId.get(value) as ConversationRow | undefined;
    if (exact) return [{ record: toConversation(exact), matchedBy: 'id' }];
    const digits = /[A-Za-z@]/.test(value) ? '' : value.replace(/[\s\-+().]/g, '');
    const rows = this.stmt.byValue.all({ value, digits, limit }) as (ConversationRow & { matched_by: 'variable' | 'message' })[];
    return rows.map((r) => ({ record: toConversation(r), matchedBy: r.matched_by }));
  }

  /** The oldest conversations untouched since `cutoff`, at most `limit` of them. */
  idleBefore(cutoff: number, limit: number): string[] {
    return this.stmt.idleBefore.all({ cutoff, limit }) as string[];
  }

  dailyCounts(flowId: string | null): DailyCount[] {
    return this.stmt.dailyCounts.all({ flowId }) as DailyCount[];
  }
}
