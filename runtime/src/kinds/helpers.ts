import { templateVariables } from '../text/template';
import type { InputRequest } from '../engine/types';

const MAX_QUOTE = 60;

/** A short, single-line excerpt of what the builder typed, in double quotes. */
export function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `"${line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE - 1).trimEnd()}…` : line}"`;
}

export function withText(kind: string, text: string | undefined): string {
  return text && text.trim() ? `the ${kind} ${quote(text)}` : `a ${kind} with no text`;
}

/** The fields that have a value, by path. */
export function textMap(entries: readonly (readonly [string, string | undefined])[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [field, value] of entries) if (value !== undefined) fields[field] = value;
  return fields;
}

/** The variables `{{name}}` placeholders in these texts read. */
export function textsReads(texts: readonly (string | undefined)[]): string[] {
  const names = new Set<string>();
  for (const text of texts) if (text) for (const name of templateVariables(text)) names.add(name);
  return [...names];
}

export const NOTHING = (): string[] => [];
export const NO_INPUT = (): InputRequest => ({ type: 'none' });
