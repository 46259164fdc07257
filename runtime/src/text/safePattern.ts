import { RE2JS } from 're2js';

/**
 * Patterns written by flow authors run against customers' text. JavaScript's RegExp backtracks,
 * so `([A-Za-z]+\s?)+` and a 40-letter answer never finish; RE2 (here its pure-JS port, which
 * runs in Node and in the editor's preview alike) matches in time linear in the text. The
 * price is that lookaround and back-references, which need backtracking, cannot be run.
 */
export interface SafePattern {
  test(text: string): boolean;
}

export type PatternCheck =
  | { ok: true }
  /** Not a regular expression at all (the reason in the engine's words). */
  | { ok: false; kind: 'invalid'; reason: string }
  /** A valid JavaScript pattern that needs backtracking (lookaround, back-references, ...). */
  | { ok: false; kind: 'unsupported'; reason: string };

function jsSyntaxError(source: string): string | null {
  try {
    new RegExp(source, 'u');
    return null;
  } catch {
    // Without `u` JavaScript accepts more (e.g. a lone `{`); an author's older pattern may rely on it.
  }
  try {
    new RegExp(source);
    return null;
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    // V8 says "Invalid regular expression: /(/: Unterminated group"; the author needs the reason.
    return text.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}

/** Whether a pattern can be run, and if not, why not. */
export function checkPattern(source: string): PatternCheck {
  const syntax = jsSyntaxError(source);
  if (syntax !== null) return { ok: false, kind: 'invalid', reason: syntax };
  try {
    RE2JS.compile(source);
    return { ok: true };
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return { ok: false, kind: 'unsupported', reason: text.replace(/^error parsing regexp: /, '') };
  }
}

/** The pattern must match the whole text (question answers). Throws when it cannot be run. */
export function wholeMatchPattern(source: string): SafePattern {
  const re = RE2JS.compile(source);
  return { test: (text) => re.matches(text) };
}

/** The pattern may match anywhere, ignoring case (condition `matches` rules). Throws when it cannot be run. */
export function searchPattern(source: string): SafePattern {
  const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  return { test: (text) => re.matcher(text).find() };
}

/** A value inserted into a pattern as plain text: every character matches itself. */
export function quotePattern(text: string): string {
  return RE2JS.quote(text);
}
