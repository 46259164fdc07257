/** Secret names are upper-case identifiers, like the environment variables they often replace. */
export const SECRET_NAME_RE = /^[A-Z][A-Z0-9_]*$/;

/**
 * `{{secret.NAME}}`. Kept apart from the variable syntax (no dot allowed there), so filling the
 * variables of a template leaves secret references exactly as written.
 */
export const SECRET_PLACEHOLDER_RE = /\{\{\s*secret\.([A-Z][A-Z0-9_]*)\s*\}\}/g;

export const secretPlaceholder = (name: string) => `{{secret.${name}}}`;

/** The secret names a text refers to, once each, in order of first use. */
export function secretReferences(text: string): string[] {
  if (!text.includes('{{')) return [];
  return [...new Set(Array.from(text.matchAll(SECRET_PLACEHOLDER_RE), (m) => m[1]!))];
}

/**
 * Makes a customer-supplied value unable to spell a placeholder, so that typing
 * "{{secret.API_KEY}}" into a question never gets a secret filled into the request.
 */
export function breakPlaceholders(value: string): string {
  return value.replaceAll('{{', '{ {');
}
