import { checkPattern } from '../text/safePattern';

/** Why a regular expression does not compile, or null when it does. */
export function patternError(source: string): string | null {
  const check = checkPattern(source);
  return check.ok || check.kind !== 'invalid' ? null : check.reason;
}

/**
 * Why a valid pattern cannot be run by the linear-time engine (lookaround, back-references),
 * or null when it can. Such a pattern is skipped at run time: a question accepts any answer
 * and a `matches` rule is false.
 */
export function patternUnsupported(source: string): string | null {
  const check = checkPattern(source);
  return check.ok || check.kind !== 'unsupported' ? null : check.reason;
}

// `{{name}}` in a condition pattern is filled with the variable's value as plain text; any
// plain letter stands in for it when checking what the author wrote.
const PLACEHOLDER_RE = /\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/g;

/** The pattern as the engine will see it once its placeholders are filled. */
export function withoutPlaceholders(source: string): string {
  return source.replace(PLACEHOLDER_RE, 'x');
}
