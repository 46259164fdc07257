import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/postgres/tables';
import type { EmbeddedSource } from './embeddedSource';
import { modelRows, sqliteCount } from './sourceRows';

export interface KindCount {
  kind: string;
  source: number;
  target: number;
}

interface Kind {
  kind: string;
  source(s: EmbeddedSource): number;
  /** One number from the target, as `n`. */
  target: ReturnType<typeof sql<{ n: number }>>;
}

const count = (table: keyof Database) => sql<{ n: number }>`SELECT count(*)::bigint AS n FROM ${sql.table(table)}`;

/** What is compared after a migration: each kind of record, counted in the source and in the target. */
const KINDS: Kind[] = [
  { kind: 'flows', source: (s) => Object.keys(s.flows.flows).length, target: count('flows') },
  {
    kind: 'published flows',
    source: (s) => Object.values(s.flows.flows).filter((f) => f.live !== null).length,
    target: sql`SELECT count(*)::bigint AS n FROM flows WHERE live IS NOT NULL`,
  },
  { kind: 'versions', source: (s) => Object.values(s.flows.versions).reduce((n, v) => n + v.length, 0), target: count('flow_versions') },
  {
    kind: 'flow tests',
    source: (s) => Object.values(s.flows.flows).reduce((n, f) => n + (f.tests?.length ?? 0), 0),
    target: sql`SELECT COALESCE(sum(json_array_length(tests)), 0)::bigint AS n FROM flows`,
  },
  { kind: 'intent models', source: (s) => modelRows(s).length, target: count('flow_models') },
  { kind: 'accounts', source: (s) => s.accounts.users.length, target: count('users') },
  { kind: 'API tokens', source: (s) => s.accounts.tokens.length, target: count('api_tokens') },
  { kind: 'sign-in sessions', source: (s) => s.accounts.sessions.length, target: count('auth_sessions') },
  { kind: 'settings', source: (s) => (s.settings ? 1 : 0), target: count('org_settings') },
  { kind: 'secrets', source: (s) => s.secrets.secrets.length, target: count('secrets') },
  { kind: 'knowledge sources', source: (s) => s.knowledge.sources.length, target: count('knowledge_sources') },
  { kind: 'audit entries', source: (s) => sqliteCount(s.audit, 'audit'), target: count('audit') },
  { kind: 'conversations', source: (s) => sqliteCount(s.conversations, 'conversations'), target: count('conversations') },
  { kind: 'messages', source: (s) => sqliteCount(s.conversations, 'messages'), target: count('messages') },
  { kind: 'events', source: (s) => sqliteCount(s.conversations, 'events'), target: count('events') },
  { kind: 'daily counts', source: (s) => sqliteCount(s.conversations, 'daily_counts'), target: count('daily_counts') },
  { kind: 'review marks', source: (s) => sqliteCount(s.conversations, 'review_marks'), target: count('review_marks') },
  { kind: 'agent availability', source: (s) => sqliteCount(s.conversations, 'agents'), target: count('agents') },
];

export async function compareCounts(source: EmbeddedSource, db: Kysely<Database>): Promise<KindCount[]> {
  const result: KindCount[] = [];
  for (const k of KINDS) {
    const row = (await k.target.execute(db)).rows[0];
    result.push({ kind: k.kind, source: k.source(source), target: Number(row?.n ?? 0) });
  }
  return result;
}

/** The counts as a table for the terminal, differences marked. */
export function formatCounts(counts: KindCount[]): string {
  const width = Math.max(...counts.map((c) => c.kind.length), 4);
  const lines = [`${'kind'.padEnd(width)}  ${'source'.padStart(9)}  ${'target'.padStart(9)}`];
  for (const c of counts) {
    lines.push(`${c.kind.padEnd(width)}  ${String(c.source).padStart(9)}  ${String(c.target).padStart(9)}${c.source === c.target ? '' : '  DIFFERS'}`);
  }
  return lines.join('\n');
}
