import type { XY } from '../store/types';

/**
 * Where on the canvas (in flow coordinates) a paste should land: under the pointer while it is
 * over the canvas, else null. The canvas provides it; the clipboard handler, which lives outside
 * React Flow's provider, asks for it.
 */
let source: (() => XY | null) | null = null;

export function setPastePointSource(next: (() => XY | null) | null): void {
  source = next;
}

export function pastePoint(): XY | null {
  return source?.() ?? null;
}
