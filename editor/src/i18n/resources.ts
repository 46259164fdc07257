import type { Resource } from 'i18next';

export const SUPPORTED_LANGUAGES = ['en', 'pl'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * Every `locales/{lng}/{ns}.json` in the tree. Eager so the first render already has its
 * strings (no flash of keys); other areas of the editor add a namespace by adding a file.
 */
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

export function buildResources(modules: Record<string, Record<string, unknown>> = files): Resource {
  const resources: Resource = {};
  for (const [path, content] of Object.entries(modules)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lng, ns] = match as unknown as [string, string, string];
    (resources[lng] ??= {})[ns] = content;
  }
  return resources;
}

export const resources = buildResources();
export const namespaces = [...new Set(Object.values(resources).flatMap((byNs) => Object.keys(byNs)))];
