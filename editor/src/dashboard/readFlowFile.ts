import {
  parseFlowDocument,
  zodIssues,
  flowTestSuiteSchema,
  type FlowDocument,
  type SchemaIssue,
  type FlowTestCase,
} from '@switchboard/runtime';

/** The API refuses bigger bodies anyway; saying so before the upload is kinder. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ReadFlowResult =
  | { ok: true; flow: FlowDocument; tests?: FlowTestCase[] }
  | { ok: false; reason: 'notJsonFile' | 'tooLarge' | 'empty' }
  | { ok: false; reason: 'invalidJson'; message: string }
  | { ok: false; reason: 'invalidFlow'; issues: SchemaIssue[] };

/** Checks an imported file in the browser first, so errors name the exact field before any upload. */
export function readFlowText(text: string): ReadFlowResult {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'invalidJson', message: e instanceof Error ? e.message : String(e) };
  }
  // An export carries the flow's test cases beside the document's own fields.
  let rawTests: unknown;
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'tests' in raw) {
    const { tests, ...document } = raw as Record<string, unknown>;
    rawTests = tests;
    raw = document;
  }
  const parsed = parseFlowDocument(raw);
  if (!parsed.ok) return { ok: false, reason: 'invalidFlow', issues: parsed.issues };
  if (rawTests === undefined) return { ok: true, flow: parsed.flow };
  const tests = flowTestSuiteSchema.safeParse(rawTests);
  if (!tests.success) {
    const issues = zodIssues(tests.error).map((i) => ({ ...i, path: i.path ? `tests.${i.path}` : 'tests' }));
    return { ok: false, reason: 'invalidFlow', issues };
  }
  return { ok: true, flow: parsed.flow, tests: tests.data };
}

export async function readFlowFile(file: File): Promise<ReadFlowResult> {
  const looksLikeJson = file.type === 'application/json' || file.type === '' || /\.json$/i.test(file.name);
  if (!looksLikeJson) return { ok: false, reason: 'notJsonFile' };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, reason: 'tooLarge' };
  return readFlowText(await file.text());
}
