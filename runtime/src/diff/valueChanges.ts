import { jsonEqual } from '../util/jsonEqual';
import type { ValueChange } from './types';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Differing leaves of two settings-like objects. Lists (opening hours, allowed origins) are
 * compared whole: one entry changing is reported as the list changing, which is what a person
 * reviewing a publish wants to see side by side.
 */
export function valueChanges(before: unknown, after: unknown, path = ''): ValueChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => valueChanges(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return jsonEqual(before, after) ? [] : [{ path, before: before ?? null, after: after ?? null }];
}
