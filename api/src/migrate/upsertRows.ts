import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/postgres/tables';

export type Row = Record<string, unknown>;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table (21 columns). */
export const BATCH_ROWS = 500;

export interface TableCopy {
  table: keyof Database;
  /** The columns written, in order; the key columns among them. */
  columns: readonly string[];
  key: readonly string[];
  /** The table's id is GENERATED ALWAYS AS IDENTITY and the source's ids are kept. */
  keepsIdentity?: boolean;
}

/**
 * Writes rows as they are (ids, timestamps and numbers included), a batch per statement. A row
 * whose key is already there is overwritten with the source's values, so running the migration
 * again gives the same target instead of duplicates or an error.
 */
export async function upsertRows(db: Kysely<Database>, copy: TableCopy, rows: Iterable<Row>): Promise<number> {
  let batch: Row[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await upsertBatch(db, copy, batch);
    written += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  return written;
}

async function upsertBatch(db: Kysely<Database>, copy: TableCopy, rows: Row[]): Promise<void> {
  const columns = sql.join(copy.columns.map((c) => sql.ref(c)));
  const values = sql.join(rows.map((row) => sql`(${sql.join(copy.columns.map((c) => row[c] ?? null))})`));
  const updated = copy.columns.filter((c) => !copy.key.includes(c));
  const onConflict =
    updated.length === 0
      ? sql`DO NOTHING`
      : sql`DO UPDATE SET ${sql.join(updated.map((c) => sql`${sql.ref(c)} = EXCLUDED.${sql.ref(c)}`))}`;
  const overriding = copy.keepsIdentity ? sql`OVERRIDING SYSTEM VALUE` : sql``;
  await sql`INSERT INTO ${sql.table(copy.table)} (${columns}) ${overriding} VALUES ${values}
    ON CONFLICT (${sql.join(copy.key.map((c) => sql.ref(c)))}) ${onConflict}`.execute(db);
}

/** After ids were inserted by hand, the identity continues past the largest one. */
export async function advanceIdentity(db: Kysely<Database>, table: keyof Database, column: string): Promise<void> {
  await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}),
    (SELECT COALESCE(MAX(${sql.ref(column)}), 0) + 1 FROM ${sql.table(table)}), false)`.execute(db);
}
