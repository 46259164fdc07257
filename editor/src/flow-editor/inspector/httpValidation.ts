/**
 * Inline checks for the HTTP request form. Like validation.ts they return i18n keys; the
 * validator repeats the ones that matter on save.
 */
import { bodyTemplateProblem, parseJsonPath } from '@switchboard/runtime';
import type { FieldError } from './validation';

/** The scheme must be written out: a URL that is entirely a variable could point anywhere. */
export function requestUrlError(url: string): FieldError {
  const trimmed = url.trim();
  if (trimmed === '') return null;
  if (/^https?:\/\/[^\s/]/i.test(trimmed)) return null;
  return { key: 'errors.requestUrl' };
}

// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function headerNameError(name: string): FieldError {
  if (name === '' || HEADER_NAME.test(name)) return null;
  return { key: 'errors.headerName' };
}

export function bodyError(body: string): FieldError {
  const problem = bodyTemplateProblem(body);
  // The parser's own message names the position, which is what the user needs to find the typo.
  return problem === null ? null : { key: 'errors.body', values: { detail: problem.replace(/^The body is not valid JSON: /, '') } };
}

export function jsonPathError(path: string): FieldError {
  // An empty path is a row still being written; the validator reports it if it stays empty.
  if (path.trim() === '') return null;
  const parsed = parseJsonPath(path);
  return parsed.ok ? null : { key: 'errors.path', values: { detail: parsed.message } };
}

/** `https://api.shop.com/orders/{{id}}` -> `api.shop.com`, for the card. Null when there is no host yet. */
export function urlHost(url: string): string | null {
  const m = /^https?:\/\/([^/?#\s]+)/i.exec(url.trim());
  return m ? m[1]! : null;
}
