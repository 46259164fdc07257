import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFlowDocument } from '../../../runtime/src/schema/flow';
import { generateFlow } from '../../../runtime/src/testing/generateFlow';
import { compileFlowJsonSchema } from './ajv';
import { validDocument } from './fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

interface Corruption {
  path: Path;
  /** Where the first reported issue must point: the corrupted field itself. */
  expected: string;
  apply: (doc: Json) => void;
}

// Fields typed as a union of primitives accept most other primitives, so only an object is
// certainly wrong there: a condition rule's or assignment's `value`, a variable's `default`.
const UNION_LEAVES = new Set(['value', 'default']);

function wrongValue(value: Json, key: string | number | undefined): Json {
  if (typeof key === 'string' && UNION_LEAVES.has(key)) return { wrong: true };
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return '42';
  if (typeof value === 'boolean') return 'yes';
  if (value === null) return 42;
  return Array.isArray(value) ? 'not a list' : 7;
}

function setAt(doc: Json, path: Path, value: Json) {
  let parent: any = doc;
  for (const step of path.slice(0, -1)) parent = parent[step];
  parent[path[path.length - 1]!] = value;
}

/** Every single-field corruption of `doc`: each value retyped, each object given an unknown key. */
function corruptions(doc: Json): Corruption[] {
  const found: Corruption[] = [];
  const walk = (value: Json, path: Path) => {
    if (path.length > 0) {
      const replacement = wrongValue(value, path[path.length - 1]);
      found.push({ path, expected: path.join('.'), apply: (d) => setAt(d, path, replacement) });
    }
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      const keyPath = [...path, 'unexpectedField'];
      found.push({ path: keyPath, expected: keyPath.join('.'), apply: (d) => setAt(d, keyPath, 1) });
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    }
  };
  walk(doc, []);
  return found;
}

const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

const baseDocument: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null).map(() => validDocument() as Json),
  fc.tuple(fc.integer({ min: 2, max: 25 }), fc.integer({ min: 1, max: 10_000 })).map(
    ([count, seed]) => JSON.parse(JSON.stringify(generateFlow(count, seed))) as Json,
  ),
);

describe('malformed documents', () => {
  const validateJsonSchema = compileFlowJsonSchema();

  it('are rejected, the first issue naming the corrupted field, by zod and by the JSON Schema', () => {
    fc.assert(
      fc.property(baseDocument, fc.nat(), (base, pick) => {
        const doc = structuredClone(base);
        const all = corruptions(doc);
        const corruption = all[pick % all.length]!;
        corruption.apply(doc);

        const result = parseFlowDocument(doc);
        expect(result.ok, `corrupted ${corruption.expected}`).toBe(false);
        if (result.ok) return;
        const first = result.issues[0]!.path;
        expect(related(first, corruption.expected), `first issue at "${first}", corrupted "${corruption.expected}"`).toBe(true);
        expect(validateJsonSchema(doc), `JSON Schema accepted corrupted ${corruption.expected}`).toBe(false);
      }),
      { numRuns: 300 },
    );
    // 300 documents through zod and Ajv take about a second alone and over 5 s on a busy machine.
  }, 30_000);

  it('every corruption of the fixture is rejected at its own path', () => {
    for (const corruption of corruptions(validDocument() as Json)) {
      const doc = validDocument() as Json;
      corruption.apply(doc);
      const result = parseFlowDocument(doc);
      expect(result.ok, corruption.expected).toBe(false);
      if (!result.ok) expect(related(result.issues[0]!.path, corruption.expected), corruption.expected).toBe(true);
    }
  });
});
