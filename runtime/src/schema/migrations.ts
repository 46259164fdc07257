/**
 * Flow documents are public: users import, export and generate them, so an old document must
 * keep loading. Each migration lifts a raw document exactly one `schemaVersion` up; the schema
 * then validates the result. Migrations work on untyped JSON because the old shape has no type
 * any more. Append here (with a test) whenever `CURRENT_SCHEMA_VERSION` is raised.
 */
export const CURRENT_SCHEMA_VERSION = 2;

export interface Migration {
  from: number;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

export const flowMigrations: readonly Migration[] = [
  // v2 lets any node's data hold an optional `goal`. Every v1 document is already a valid v2
  // one, so the step changes nothing; the version is raised so that an older Switchboard given a
  // document with goals answers "newer than this Switchboard understands" instead of rejecting
  // an unknown key on some node.
  { from: 1, up: (doc) => ({ ...doc }) },
];

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown> }
  | { ok: false; path: string; message: string };

export function migrateFlowDocument(
  raw: unknown,
  migrations: readonly Migration[] = flowMigrations,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, path: '', message: 'A flow document must be a JSON object' };
  }
  let doc = raw as Record<string, unknown>;
  let version = doc.schemaVersion;
  if (version === undefined) return { ok: false, path: 'schemaVersion', message: 'is required' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, path: 'schemaVersion', message: 'must be a whole number of 1 or more' };
  }
  if (version > target) {
    return {
      ok: false,
      path: 'schemaVersion',
      message: `version ${version} is newer than this Switchboard understands (${target}); please upgrade`,
    };
  }
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) return { ok: false, path: 'schemaVersion', message: `no migration from version ${version}` };
    doc = { ...step.up(doc), schemaVersion: version + 1 };
    version += 1;
  }
  return { ok: true, doc };
}
