import type { VariableValue } from '../schema/common';

/** `{{name}}`, with spaces allowed inside the braces. Names follow the variable-name rule. */
const PLACEHOLDER_RE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Returns the value for a name, or undefined when it has none. */
export type VariableLookup = (name: string) => VariableValue | undefined;

/** How a variable value reads inside customer-facing text. */
export function formatValue(value: VariableValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** Fills `{{name}}` placeholders; an unknown name renders as nothing, never "undefined". */
export function renderTemplate(text: string, lookup: VariableLookup): string {
  // Most texts carry no placeholder; skipping the regex keeps a turn cheap.
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER_RE, (_m, name: string) => formatValue(lookup(name)));
}

/** The variable names a text refers to, once each, in order of first use. */
export function templateVariables(text: string): string[] {
  if (!text.includes('{{')) return [];
  const names = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER_RE)) names.add(m[1]!);
  return [...names];
}
