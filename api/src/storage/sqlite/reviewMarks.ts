import type Database from 'better-sqlite3';
import type { ReviewMark } from '../../../../runtime/src/chat/conversationStore';

interface ReviewMarkRow {
  flow_id: string;
  key: string;
  action: string;
  before_version: number;
  target: string | null;
  by_user: string | null;
  at: number;
}

const toMark = (r: ReviewMarkRow): ReviewMark => ({
  flowId: r.flow_id,
  key: r.key,
  action: r.action === 'added' ? 'added' : 'dismissed',
  beforeVersion: r.before_version,
  target: r.target,
  by: r.by_user,
  at: r.at,
});

/** The review marks of unrecognised messages (migration 5), beside the events they refer to. */
export class ReviewMarks {
  private readonly stmt;
  readonly put: (marks: readonly ReviewMark[]) => void;
  readonly remove: (flowId: string, keys: readonly string[]) => number;

  constructor(db: Database.Database) {
    this.stmt = {
      list: db.prepare('SELECT * FROM review_marks WHERE flow_id = ?'),
      upsert: db.prepare(`INSERT INTO review_marks (flow_id, key, action, before_version, target, by_user, at)
        VALUES (@flowId, @key, @action, @beforeVersion, @target, @by, @at)
        ON CONFLICT (flow_id, key) DO UPDATE SET action = excluded.action, before_version = excluded.before_version,
          target = excluded.target, by_user = excluded.by_user, at = excluded.at`),
      remove: db.prepare('DELETE FROM review_marks WHERE flow_id = ? AND key = ?'),
      removeFlow: db.prepare('DELETE FROM review_marks WHERE flow_id = ?'),
    };
    this.put = db.transaction((marks: readonly ReviewMark[]) => {
      for (const m of marks) this.stmt.upsert.run(m);
    });
    this.remove = db.transaction((flowId: string, keys: readonly string[]) => {
      let n = 0;
      for (const key of keys) n += this.stmt.remove.run(flowId, key).changes;
      return n;
    });
  }

  removeFlow(flowId: string): number {
    return this.stmt.removeFlow.run(flowId).changes;
  }

  list(flowId: string): ReviewMark[] {
    return (this.stmt.list.all(flowId) as ReviewMarkRow[]).map(toMark);
  }
}
