/**
 * Variable names and node ids come from users, and `__proto__` or `constructor` are legal
 * names. Plain `obj[key]` would read Object.prototype members and silently drop a write to
 * `__proto__`, so session records are read and written only through these.
 */
export function getOwn<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    record[key] = value;
  }
}

/** A copy of `record` without `key`, leaving the original untouched. */
export function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy: Record<string, T> = {};
  for (const k of Object.keys(record)) if (k !== key) setOwn(copy, k, record[k]!);
  return copy;
}
