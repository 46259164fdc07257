import type Database from 'better-sqlite3';

/**
 * One multi-row INSERT per batch instead of a statement per row: a chat turn writes a few
 * messages and events, and each separate `run` costs a round trip into SQLite. Statements are
 * prepared once per row count and kept; larger batches are split into chunks of `maxRows`.
 */
export class RowBatchInsert {
  private readonly byCount = new Map<number, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly head: string,
    private readonly columns: number,
    // SQLite allows 32766 bound parameters; 50 rows stays far below it for any table here.
    private readonly maxRows = 50,
  ) {}

  run(rows: readonly unknown[][]): void {
    for (let start = 0; start < rows.length; start += this.maxRows) {
      const chunk = rows.slice(start, start + this.maxRows);
      this.statement(chunk.length).run(chunk.flat());
    }
  }

  private statement(count: number): Database.Statement {
    let stmt = this.byCount.get(count);
    if (!stmt) {
      const row = `(${Array.from({ length: this.columns }, () => '?').join(', ')})`;
      stmt = this.db.prepare(`${this.head} VALUES ${Array.from({ length: count }, () => row).join(', ')}`);
      this.byCount.set(count, stmt);
    }
    return stmt;
  }
}
