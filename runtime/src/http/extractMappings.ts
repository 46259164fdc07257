import type { VariableValue } from '../schema/common';
import { readJsonPath } from './jsonPath';
import type { ResponseMapping } from './types';

export interface MappedValues {
  /** Every mapped variable: the value found, or null where the path found nothing. */
  values: Record<string, VariableValue>;
  /** Variables whose path found nothing, for the flow's debug view. */
  missing: string[];
}

/** Objects and arrays become their JSON text: a variable holds only scalars. */
function asVariableValue(value: unknown): VariableValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return JSON.stringify(value);
}

/**
 * Reads each mapping's path from a response. A path that finds nothing sets its variable to
 * null rather than leaving an earlier value, which would show a stale order status as current.
 */
export function extractMappings(json: unknown, mapping: readonly ResponseMapping[]): MappedValues {
  // No prototype: a variable named __proto__ must be stored, not reach Object.prototype.
  const values = Object.create(null) as Record<string, VariableValue>;
  const missing: string[] = [];
  for (const { path, variable } of mapping) {
    const found = readJsonPath(json, path);
    if (found === undefined) missing.push(variable);
    values[variable] = found === undefined ? null : asVariableValue(found);
  }
  return { values, missing };
}
