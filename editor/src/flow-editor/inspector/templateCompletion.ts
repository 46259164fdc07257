/** The `{{partial` being typed just before the caret, if any. */
export interface OpenTemplate {
  /** Index of the first `{`. */
  start: number;
  query: string;
}

export function openTemplateAt(text: string, caret: number): OpenTemplate | null {
  const before = text.slice(0, caret);
  const m = /\{\{\s*([A-Za-z0-9_]*)$/.exec(before);
  if (!m) return null;
  return { start: m.index, query: m[1]! };
}

/** Prefix matches first, then other substring matches; case-insensitive. */
export function filterVariables(names: readonly string[], query: string): string[] {
  const q = query.toLowerCase();
  const prefix = names.filter((n) => n.toLowerCase().startsWith(q));
  const inner = names.filter((n) => !n.toLowerCase().startsWith(q) && n.toLowerCase().includes(q));
  return [...prefix, ...inner];
}

/**
 * Replaces the open `{{partial` with a complete `{{name}}`, swallowing closing braces the user
 * already typed after the caret, and returns where the caret goes next.
 */
export function insertVariable(text: string, caret: number, open: OpenTemplate, name: string): { text: string; caret: number } {
  let after = text.slice(caret);
  const tail = /^[A-Za-z0-9_]*\s*\}\}/.exec(after);
  if (tail) after = after.slice(tail[0].length);
  const inserted = `{{${name}}}`;
  return { text: text.slice(0, open.start) + inserted + after, caret: open.start + inserted.length };
}
