import { parseFlowDocument, type FlowDocument, type SchemaIssue } from '../../../runtime/src/schema';

/** The API refuses bigger bodies anyway; saying so before the upload is kinder. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ReadFlowResult =
  | { ok: true; flow: FlowDocument }
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
  const parsed = parseFlowDocument(raw);
  return parsed.ok ? { ok: true, flow: parsed.flow } : { ok: false, reason: 'invalidFlow', issues: parsed.issues };
}

export async function readFlowFile(file: File): Promise<ReadFlowResult> {
  const looksLikeJson = file.type === 'application/json' || file.type === '' || /\.json$/i.test(file.name);
  if (!looksLikeJson) return { ok: false, reason: 'notJsonFile' };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, reason: 'tooLarge' };
  return readFlowText(await file.text());
}
