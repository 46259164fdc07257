import type Database from 'better-sqlite3';
import type { EmbeddedSource } from './embeddedSource';
import type { Row } from './upsertRows';
import type { StoredSecret } from '../storage/secretStore';
import { jsonText } from '../storage/postgres/values';

/**
 * The embedded installation's records as rows of the PostgreSQL tables (coreTables.ts), values
 * unchanged: ids, revisions, version numbers, timestamps and documents as the source has them.
 */
export function flowRows(source: EmbeddedSource): Row[] {
  return Object.entries(source.flows.flows).map(([id, e]) => ({
    id,
    document: jsonText(e.flow),
    tests: jsonText(e.tests ?? []),
    revision: e.revision,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
    updated_by: e.updatedBy,
    live: e.live,
  }));
}

export function versionRows(source: EmbeddedSource): Row[] {
  return Object.entries(source.flows.versions).flatMap(([flowId, versions]) =>
    versions.map((v) => ({
      flow_id: flowId,
      number: v.number,
      document: jsonText(v.flow),
      note: v.note,
      published_at: v.publishedAt,
      published_by: v.publishedBy,
      override_note: v.overrideNote ?? null,
    })),
  );
}

/** The intent models of every version that has a models file; the JSON text as written. */
export function modelRows(source: EmbeddedSource): Row[] {
  return Object.entries(source.flows.versions).flatMap(([flowId, versions]) =>
    versions.flatMap((v) => {
      const text = source.modelsText(flowId, v.number);
      return text === null ? [] : [{ flow_id: flowId, version: v.number, models: text }];
    }),
  );
}

export function userRows(source: EmbeddedSource): Row[] {
  return source.accounts.users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    password_hash: u.passwordHash,
    created_at: u.createdAt,
    updated_at: u.updatedAt,
    deactivated_at: u.deactivatedAt ?? null,
    last_sign_in_at: u.lastSignInAt ?? null,
    locale: u.locale ?? null,
  }));
}

export function tokenRows(source: EmbeddedSource): Row[] {
  return source.accounts.tokens.map((t) => ({
    id: t.id,
    name: t.name,
    role: t.role,
    secret_hash: t.secretHash,
    created_at: t.createdAt,
    created_by: t.createdBy,
    last_used_at: t.lastUsedAt ?? null,
    expires_at: t.expiresAt ?? null,
  }));
}

export function sessionRows(source: EmbeddedSource): Row[] {
  return source.accounts.sessions.map((s) => ({
    id_hash: s.idHash,
    user_id: s.userId,
    csrf_token: s.csrfToken,
    created_at: s.createdAt,
    expires_at: s.expiresAt,
  }));
}

export function settingsRows(source: EmbeddedSource): { settings: Row[]; steps: Row[] } {
  if (!source.settings) return { settings: [], steps: [] };
  return {
    settings: [{ id: 1, settings: jsonText(source.settings.settings) }],
    steps: Object.entries(source.settings.done).map(([step, at]) => ({ step, done_at: at })),
  };
}

export function secretRows(secrets: StoredSecret[]): Row[] {
  return secrets.map((s) => ({
    name: s.name,
    value: jsonText(s.value),
    hosts: jsonText(s.hosts ?? []),
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  }));
}

export function knowledgeRows(source: EmbeddedSource): Row[] {
  return source.knowledge.sources.map((k) => ({
    id: k.id,
    title: k.title,
    url: k.url,
    kind: k.kind,
    file_name: k.fileName,
    text: source.knowledgeText(k.id),
    characters: k.characters,
    text_revision: k.textRevision,
    passages: k.passages,
    status: k.status,
    created_at: k.createdAt,
    updated_at: k.updatedAt,
    updated_by: k.updatedBy,
  }));
}

/** Whether a SQLite file has the table (a file from an older release may lack a later one). */
export function hasTable(db: Database.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

/** A SQLite table's rows in key order, streamed: messages and events may be millions. */
export function* sqliteRows(db: Database.Database | null, table: string, orderBy: string): Generator<Row> {
  if (!db || !hasTable(db, table)) return;
  yield* db.prepare(`SELECT * FROM ${table} ORDER BY ${orderBy}`).iterate() as Iterable<Row>;
}

export function sqliteCount(db: Database.Database | null, table: string): number {
  if (!db || !hasTable(db, table)) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
