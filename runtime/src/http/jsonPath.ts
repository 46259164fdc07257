/** One step into a JSON value: an object key or an array index. */
export type JsonPathSegment = { key: string } | { index: number };

export type JsonPathParse = { ok: true; segments: JsonPathSegment[] } | { ok: false; message: string };

const NAME_AT = /[^.[\]\s'"]+/y;
const INDEX_AT = /\[\s*(\d+)\s*\]/y;
const QUOTED_AT = /\[\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*\]/y;

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

/**
 * Parses the JSON-path subset response mappings use: an optional `$`, then `.name`, `[0]` and
 * `['any key']` steps (the first `.` may be left out: `order.items[0].name`). A hand-written
 * reader, never eval, so a path from a flow document cannot run code.
 */
export function parseJsonPath(path: string): JsonPathParse {
  const text = path.trim();
  const segments: JsonPathSegment[] = [];
  let i = text.startsWith('$') ? 1 : 0;
  const fail = (what: string): JsonPathParse => ({ ok: false, message: `${what} at character ${i + 1} of "${text}"` });
  while (i < text.length) {
    const startsSegment = segments.length === 0 && i === (text.startsWith('$') ? 1 : 0);
    if (text[i] === '[') {
      INDEX_AT.lastIndex = i;
      const index = INDEX_AT.exec(text);
      if (index) {
        segments.push({ index: Number(index[1]) });
        i = INDEX_AT.lastIndex;
        continue;
      }
      QUOTED_AT.lastIndex = i;
      const quoted = QUOTED_AT.exec(text);
      if (!quoted) return fail('Expected [number] or [\'key\']');
      segments.push({ key: unescape(quoted[1] ?? quoted[2] ?? '') });
      i = QUOTED_AT.lastIndex;
      continue;
    }
    if (text[i] === '.') i++;
    else if (!startsSegment) return fail('Expected . or [');
    NAME_AT.lastIndex = i;
    const name = NAME_AT.exec(text);
    if (!name) return fail('Expected a name');
    segments.push({ key: name[0] });
    i = NAME_AT.lastIndex;
  }
  return { ok: true, segments };
}

/** The value at the path, or undefined when any step is missing or the path is malformed. */
export function readJsonPath(json: unknown, path: string | JsonPathSegment[]): unknown {
  const parsed = typeof path === 'string' ? parseJsonPath(path) : { ok: true as const, segments: path };
  if (!parsed.ok) return undefined;
  let current: unknown = json;
  for (const segment of parsed.segments) {
    if ('index' in segment) {
      if (!Array.isArray(current) || segment.index >= current.length) return undefined;
      current = current[segment.index];
    } else {
      // Own keys only: `constructor` or `__proto__` must not read the prototype chain.
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, segment.key)) {
        return undefined;
      }
      current = (current as Record<string, unknown>)[segment.key];
    }
  }
  return current;
}
