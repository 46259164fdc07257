import { sql } from 'kysely';
import type { AuditAction, AuditActor, AuditDetail, AuditEntry, AuditLog, AuditQuery, NewAuditEntry } from '../auditLog';
import type { PostgresDatabase } from './database';
import { jsonText } from './values';

/**
 * The audit log in PostgreSQL, one table every instance appends to. Ids come from an identity
 * column, so newest-first paging by id holds across instances. Retention never touches it.
 */
export class PostgresAuditLog implements AuditLog {
  constructor(private readonly db: PostgresDatabase) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.db
      .insertInto('audit')
      .values({
        at: entry.at,
        actor_kind: entry.actor.kind,
        actor_id: entry.actor.id,
        actor_name: entry.actor.name,
        action: entry.action,
        target: entry.target,
        detail: jsonText(entry.detail),
      })
      .execute();
  }

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit').selectAll();
    if (q.action !== undefined) query = query.where('action', '=', q.action);
    if (q.from !== undefined) query = query.where('at', '>=', q.from);
    if (q.to !== undefined) query = query.where('at', '<', q.to);
    if (q.beforeId !== undefined) query = query.where('id', '<', q.beforeId);
    const actor = q.actor;
    if (actor !== undefined) {
      // strpos, not LIKE: the text is matched literally, `%` and `_` included.
      query = query.where((eb) =>
        eb.or([eb('actor_id', '=', actor), eb(sql<number>`strpos(lower(coalesce(actor_name, '')), lower(${actor}))`, '>', 0)]),
      );
    }
    const rows = await query.orderBy('id', 'desc').limit(q.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { kind: r.actor_kind as AuditActor['kind'], id: r.actor_id, name: r.actor_name },
      action: r.action as AuditAction,
      target: r.target,
      detail: r.detail as AuditDetail,
    }));
  }

  /** The pool belongs to the stores together; openPostgresStores closes it. */
  close(): void {}
}
