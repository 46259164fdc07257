/** Ctrl on Windows/Linux, Cmd on macOS: either counts so the same muscle memory works everywhere. */
export const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;

export const keyIs = (e: KeyboardEvent, key: string) => e.key.toLowerCase() === key.toLowerCase();

/** Whether a key press belongs to a text field rather than to the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  return false;
}

/** Canvas keys (arrows, Delete, Enter) apply when focus is on the canvas or nowhere in particular. */
export function isCanvasTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return true;
  if (target === document.body || target === document.documentElement) return true;
  return target.closest('.sb-canvas') !== null;
}
