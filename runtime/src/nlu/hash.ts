/**
 * 32-bit FNV-1a. Features are stored by hash rather than by string so a trained model carries
 * numbers only; at the ~10^5 distinct features of a large training set collisions stay rare.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
