import type { FileKind } from '../kinds';
import { extractInWorker, type ExtractLimits } from './extractInWorker';

export { ExtractionError } from './extractInWorker';

/** Whitespace tidied the same way for every kind: no trailing spaces, at most one blank line. */
export function tidy(text: string): string {
  return text
    // NUL is no text anyone reads, and PostgreSQL text columns refuse it.
    .replaceAll('\u0000', '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A file's readable text, in the form the passage splitter reads: paragraphs apart, headings as
 * "# " lines. The parsing happens in a worker (extractWorker.mjs); see extractInWorker.ts.
 */
export async function extractText(kind: FileKind, bytes: Uint8Array, limits?: ExtractLimits): Promise<string> {
  return tidy(await extractInWorker(kind, bytes, limits));
}
