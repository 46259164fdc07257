/**
 * Short random ids: readable in exported JSON, and random rather than sequential so that nodes
 * pasted from another flow (or another tab) never collide with existing ones.
 */
export function randomId(prefix: string): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += (b % 36).toString(36);
  return `${prefix}_${s}`;
}

export function uniqueId(prefix: string, taken: (id: string) => boolean): string {
  let id = randomId(prefix);
  while (taken(id)) id = randomId(prefix);
  return id;
}
