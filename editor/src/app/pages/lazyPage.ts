import { lazy, type ComponentType } from 'react';

/**
 * Pages owned by other areas (flow editor, inbox) are picked up by file name, so the shell
 * builds before they exist and switches to them as soon as they land, with no edit here.
 */
export function lazyPage<P extends object>(
  modules: Record<string, () => Promise<unknown>>,
): ComponentType<P> | null {
  const load = Object.values(modules)[0];
  if (!load) return null;
  return lazy(async () => {
    const mod = (await load()) as { default: ComponentType<P> };
    return { default: mod.default };
  });
}
