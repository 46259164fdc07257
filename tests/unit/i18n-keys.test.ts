import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const localesDir = path.join(root, 'editor/src/i18n/locales');
const sourceDir = path.join(root, 'editor/src');
const LANGUAGES = ['en', 'pl'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Words that are the same in both languages; anything else multi-word must be translated. */
const SAME_IN_BOTH = new Set(['Switchboard', 'OK', 'Email', 'E-mail', 'Administrator', 'Agent', 'JSON']);

function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
  return out;
}

function loadLocales(): Record<string, Record<string, Map<string, unknown>>> {
  const out: Record<string, Record<string, Map<string, unknown>>> = {};
  for (const lng of LANGUAGES) {
    out[lng] = {};
    for (const file of readdirSync(path.join(localesDir, lng)).filter((f) => f.endsWith('.json'))) {
      out[lng]![file.replace(/\.json$/, '')] = flatten(JSON.parse(readFileSync(path.join(localesDir, lng, file), 'utf8')));
    }
  }
  return out;
}

const locales = loadLocales();
const en = locales.en!;
const pl = locales.pl!;

/** Plural keys are compared by their base; each language must carry the forms its grammar needs. */
function baseKeys(keys: Iterable<string>): Set<string> {
  return new Set([...keys].map((k) => k.replace(PLURAL_SUFFIX, '')));
}

function walk(dir: string, files: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== 'locales') walk(full, files);
    } else if (/\.tsx?$/.test(entry)) files.push(full);
  }
  return files;
}

function resolves(ns: string, key: string): boolean {
  const keys = en[ns];
  if (!keys) return false;
  if (keys.has(key)) return true;
  return [...keys.keys()].some((k) => k.replace(PLURAL_SUFFIX, '') === key);
}

describe('translation files', () => {
  it('have the same namespaces in every language', () => {
    expect(Object.keys(pl).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en)).toEqual(expect.arrayContaining(['common', 'auth', 'dashboard']));
  });

  for (const ns of Object.keys(en)) {
    describe(`namespace ${ns}`, () => {
      const enKeys = en[ns]!;
      const plKeys = pl[ns] ?? new Map<string, unknown>();

      it('has the same keys in en and pl', () => {
        expect([...baseKeys(plKeys.keys())].sort()).toEqual([...baseKeys(enKeys.keys())].sort());
      });

      it('has every plural form each language needs', () => {
        for (const [lng, keys] of [['en', enKeys], ['pl', plKeys]] as const) {
          const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
          const plurals = new Set([...keys.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')));
          for (const base of plurals) {
            for (const form of needed) expect(keys.has(`${base}_${form}`), `${lng}/${ns}: ${base}_${form}`).toBe(true);
          }
        }
      });

      it('has no empty or non-string values', () => {
        for (const [lng, keys] of [['en', enKeys], ['pl', plKeys]] as const) {
          for (const [key, value] of keys) {
            expect(typeof value, `${lng}/${ns}:${key}`).toBe('string');
            expect((value as string).trim(), `${lng}/${ns}:${key}`).not.toBe('');
          }
        }
      });

      it('translates every multi-word string into Polish', () => {
        const untranslated = [...enKeys]
          .filter(([key, value]) => {
            const text = String(value);
            const plValue = plKeys.get(key);
            const multiWord = text.replace(/\{\{[^}]+\}\}/g, '').trim().split(/\s+/).length > 1;
            return multiWord && !SAME_IN_BOTH.has(text) && plValue === text;
          })
          .map(([key]) => key);
        expect(untranslated).toEqual([]);
      });

      it('uses the same {{placeholders}} in both languages', () => {
        const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
        for (const [key, value] of enKeys) {
          const plValue = plKeys.get(key) ?? plKeys.get(key.replace(PLURAL_SUFFIX, '_other'));
          if (plValue !== undefined) expect(placeholders(plValue), `${ns}:${key}`).toEqual(placeholders(value));
        }
      });
    });
  }
});

describe('translation keys used in editor sources', () => {
  const files = walk(sourceDir).filter((f) => f.endsWith('.tsx'));
  // `t('ns:key')`, `t("key")`, `i18nKey="key"`: literal keys only; template literals are dynamic by design.
  const CALL = /\bt\(\s*(['"])([^'"\n]+)\1/g;
  const TRANS = /i18nKey=(['"])([^'"\n]+)\1/g;
  const USE = /useTranslation\(\s*(?:\[\s*)?(['"])([^'"]+)\1/;

  it('finds the sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    const rel = path.relative(root, file);
    const source = readFileSync(file, 'utf8');
    const calls = [...source.matchAll(CALL), ...source.matchAll(TRANS)];
    if (calls.length === 0) continue;
    it(`${rel} only uses keys that exist`, () => {
      const defaultNs = USE.exec(source)?.[2] ?? 'common';
      const missing = calls
        .map((m) => m[2]!)
        .filter((full) => {
          const [ns, key] = full.includes(':') ? (full.split(':', 2) as [string, string]) : [defaultNs, full];
          return !resolves(ns, key);
        });
      expect(missing).toEqual([]);
    });
  }
});
