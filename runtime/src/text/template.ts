import type { VariableValue } from '../schema/common';

/** `{{name}}`, with spaces allowed inside the braces. Names follow the variable-name rule. */
const PLACEHOLDER_RE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Returns the value for a name, or undefined when it has none. */
export type VariableLookup = (name: string) => VariableValue | undefined;

/**
 * A text split at its placeholders: `literals[0] names[0] literals[1] ... literals[n]`, so that
 * filling it needs no regex. Flow texts are fixed, so a host can compile each once.
 */
export interface CompiledTemplate {
  literals: string[];
  names: string[];
}

/** How a variable value reads inside customer-facing text. */
export function formatValue(value: VariableValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** The compiled form of a text, or null when it has no placeholder and reads as it is. */
export function compileTemplate(text: string): CompiledTemplate | null {
  if (!text.includes('{{')) return null;
  const literals: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    literals.push(text.slice(last, m.index));
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  if (names.length === 0) return null;
  literals.push(text.slice(last));
  return { literals, names };
}

/**
 * Fills a compiled template; an unknown name renders as nothing, never "undefined". The lookup
 * takes its context as an argument so that a caller needs no closure per call: under tsx every
 * named closure also costs a `defineProperty` for its name.
 */
export function fillTemplate<C>(
  template: CompiledTemplate,
  lookup: (context: C, name: string) => VariableValue | undefined,
  context: C,
): string {
  const { literals, names } = template;
  let out = literals[0]!;
  for (let i = 0; i < names.length; i++) out += formatValue(lookup(context, names[i]!)) + literals[i + 1]!;
  return out;
}

function callLookup(lookup: VariableLookup, name: string): VariableValue | undefined {
  return lookup(name);
}

/** Fills `{{name}}` placeholders; an unknown name renders as nothing, never "undefined". */
export function renderTemplate(text: string, lookup: VariableLookup): string {
  const template = compileTemplate(text);
  return template === null ? text : fillTemplate(template, callLookup, lookup);
}

/** The variable names a text refers to, once each, in order of first use. */
export function templateVariables(text: string): string[] {
  if (!text.includes('{{')) return [];
  const names = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER_RE)) names.add(m[1]!);
  return [...names];
}
