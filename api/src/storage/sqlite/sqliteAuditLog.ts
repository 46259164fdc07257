import Database from 'better-sqlite3';
import type { AuditAction, AuditDetail, AuditEntry, AuditLog, AuditQuery, NewAuditEntry } from '../auditLog';

export const AUDIT_FILE = 'audit.sqlite';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS audit_at ON audit (at);
  CREATE INDEX IF NOT EXISTS audit_action ON audit (action, id);
`;

interface Row {
  id: number;
  at: number;
  actor_kind: AuditEntry['actor']['kind'];
  actor_id: string | null;
  actor_name: string | null;
  action: AuditAction;
  target: string | null;
  detail: string;
}

/**
 * The audit log in its own SQLite file, apart from conversations: retention and erasure never
 * touch it, and `synchronous = FULL` makes each entry durable before the action is answered.
 */
export class SqliteAuditLog implements AuditLog {
  private readonly insert;
  private readonly query;

  constructor(private readonly db: Database.Database) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    this.insert = db.prepare(`INSERT INTO audit (at, actor_kind, actor_id, actor_name, action, target, detail)
      VALUES (@at, @actor_kind, @actor_id, @actor_name, @action, @target, @detail)`);
    // One statement for every filter combination: a NULL parameter switches its filter off.
    this.query = db.prepare(`SELECT * FROM audit
      WHERE (@action IS NULL OR action = @action)
        AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
        AND (@beforeId IS NULL OR id < @beforeId)
        AND (@actor IS NULL OR actor_id = @actor OR instr(lower(coalesce(actor_name, '')), lower(@actor)) > 0)
      ORDER BY id DESC LIMIT @limit`);
  }

  static open(file: string): SqliteAuditLog {
    return new SqliteAuditLog(new Database(file));
  }

  async append(entry: NewAuditEntry): Promise<void> {
    this.insert.run({
      at: entry.at,
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      action: entry.action,
      target: entry.target,
      detail: JSON.stringify(entry.detail),
    });
  }

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    const rows = this.query.all({
      action: q.action ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      beforeId: q.beforeId ?? null,
      actor: q.actor ?? null,
      limit: q.limit,
    }) as Row[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
      action: r.action,
      target: r.target,
      detail: JSON.parse(r.detail) as AuditDetail,
    }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
