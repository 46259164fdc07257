import { formatValue, type VariableLookup } from '../text/template';
import type { VariableValue } from '../schema/common';
import { secretPlaceholder } from './secretRef';

// Sticky twins of the template and secret syntaxes, tried wherever `{{` appears.
const VARIABLE_AT = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/y;
const SECRET_AT = /\{\{\s*secret\.([A-Z][A-Z0-9_]*)\s*\}\}/y;

// `{` escaped as \u007b reads back the same, and keeps a value from spelling `{{secret.X}}`.
const escapeBraces = (json: string) => json.replaceAll('{', '\\u007b');

/** The value as the inside of a JSON string literal: quotes, backslashes and controls escaped. */
function asStringContent(value: VariableValue | undefined): string {
  return escapeBraces(JSON.stringify(formatValue(value)).slice(1, -1));
}

/** The value as a whole JSON value: numbers and booleans bare, text quoted, nothing as null. */
function asJsonValue(value: VariableValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  return escapeBraces(JSON.stringify(value));
}

/**
 * Fills a JSON body template so that no variable value can change the document's structure.
 * A placeholder inside a string literal (`"Order {{order}}"`) gets the value JSON-escaped; one
 * standing for a value (`"qty": {{qty}}`) gets a JSON literal of it. Secret references stay
 * placeholders, always inside a string literal, so the host fills them JSON-escaped too.
 */
export function fillJsonTemplate(template: string, lookup: VariableLookup): string {
  let out = '';
  let inString = false;
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    if (ch === '{' && template[i + 1] === '{') {
      VARIABLE_AT.lastIndex = i;
      const variable = VARIABLE_AT.exec(template);
      if (variable) {
        const value = lookup(variable[1]!);
        out += inString ? asStringContent(value) : asJsonValue(value);
        i = VARIABLE_AT.lastIndex;
        continue;
      }
      SECRET_AT.lastIndex = i;
      const secret = SECRET_AT.exec(template);
      if (secret) {
        const placeholder = secretPlaceholder(secret[1]!);
        out += inString ? placeholder : `"${placeholder}"`;
        i = SECRET_AT.lastIndex;
        continue;
      }
    }
    if (inString && ch === '\\') {
      out += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '"') inString = !inString;
    out += ch;
    i++;
  }
  return out;
}

/**
 * Why a body template would not make valid JSON whatever the variables hold, or null when it
 * would. For the validator and the editor form.
 */
export function bodyTemplateProblem(template: string): string | null {
  if (template.trim() === '') return null;
  try {
    JSON.parse(fillJsonTemplate(template, () => null));
    return null;
  } catch (err) {
    return `The body is not valid JSON: ${(err as Error).message}`;
  }
}
