import { z } from 'zod';
import { idSchema, variableDefinitionSchema } from './common';
import { flowNodeSchema } from './node';
import { flowEdgeSchema } from './edge';
import { flowSettingsSchema } from './settings';
import { CURRENT_SCHEMA_VERSION, migrateFlowDocument } from './migrations';

export const localeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code like pl or en-GB');

export const flowDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: idSchema,
  name: z.string().min(1, 'must not be empty').max(200),
  description: z.string().max(2000).default(''),
  locale: localeSchema.default('en'),
  variables: z.array(variableDefinitionSchema).max(500).default([]),
  settings: flowSettingsSchema.default(() => flowSettingsSchema.parse({})),
  nodes: z.array(flowNodeSchema).max(20_000),
  edges: z.array(flowEdgeSchema).max(60_000),
});
export type FlowDocument = z.infer<typeof flowDocumentSchema>;
/** What a user may write: every defaulted field may be left out. */
export type FlowDocumentInput = z.input<typeof flowDocumentSchema>;

export interface SchemaIssue {
  /** Dotted path to the bad field, e.g. `nodes.3.data.options.0.label`; empty for the root. */
  path: string;
  message: string;
}

export type ParseFlowResult = { ok: true; flow: FlowDocument } | { ok: false; issues: SchemaIssue[] };

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

export function zodIssues(error: z.ZodError): SchemaIssue[] {
  return error.issues.flatMap((issue) =>
    // zod puts an unknown key's issue on the enclosing object; users need to see the field itself.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key]), message: 'is not a known field' }))
      : [{ path: formatIssuePath(issue.path), message: issue.message }],
  );
}

/** The one way in for a flow document from outside: migrates, then validates. */
export function parseFlowDocument(raw: unknown): ParseFlowResult {
  const migrated = migrateFlowDocument(raw);
  if (!migrated.ok) return { ok: false, issues: [{ path: migrated.path, message: migrated.message }] };
  const parsed = flowDocumentSchema.safeParse(migrated.doc);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  return { ok: true, flow: parsed.data };
}
