import { assertNever, type VariableType, type VariableValue } from '@switchboard/runtime';

/** What the default input shows for a stored value. */
export function defaultToText(value: VariableValue | undefined): string {
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Reads the default input for the variable's type; `undefined` means "no default", and an
 * `error` key is returned when the text cannot be that type.
 */
export function parseDefault(type: VariableType, text: string): { value: VariableValue | undefined; error: string | null } {
  if (text === '') return { value: undefined, error: null };
  switch (type) {
    case 'string':
      return { value: text, error: null };
    case 'number': {
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n) ? { value: n, error: null } : { value: undefined, error: 'variables.errors.number' };
    }
    case 'boolean':
      return text === 'true' || text === 'false' ? { value: text === 'true', error: null } : { value: undefined, error: 'variables.errors.boolean' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { value: text, error: null } : { value: undefined, error: 'variables.errors.date' };
    default:
      return assertNever(type);
  }
}
