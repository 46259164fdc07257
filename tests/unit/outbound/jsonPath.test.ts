import { describe, expect, it } from 'vitest';
import { extractMappings, parseJsonPath, readJsonPath } from '../../../runtime/src/http';

const response = {
  order: { status: 'shipped', items: [{ name: 'Kettle', price: 19.5 }, { name: 'Mug' }], 'odd key': { "it's": 1 } },
  ok: true,
  nothing: null,
};

describe('JSON path', () => {
  it.each([
    ['$.order.status', 'shipped'],
    ['order.status', 'shipped'],
    ['$.order.items[0].name', 'Kettle'],
    ['order.items[1].name', 'Mug'],
    ["$.order['odd key']", { "it's": 1 }],
    ["$['order'][\"odd key\"]['it\\'s']", 1],
    ['$.order.items[0]["price"]', 19.5],
    ['$.ok', true],
    ['$.nothing', null],
    ['$', response],
  ])('%s', (path, expected) => {
    expect(readJsonPath(response, path)).toEqual(expected);
  });

  it.each(['$.order.missing', '$.order.items[5]', '$.order.status.length', '$.order.items.name', '$.order.items[0].name[0]', '$.constructor', 'order.__proto__', '$.order.items.length'])(
    'finds nothing at %s',
    (path) => {
      expect(readJsonPath(response, path)).toBeUndefined();
    },
  );

  it.each(['$..order', '$.order.', 'order[x]', '$.a[0]b', 'a b', "$['unterminated]"])('refuses the malformed path %s', (path) => {
    const parsed = parseJsonPath(path);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('at character');
    expect(readJsonPath(response, path)).toBeUndefined();
  });

  it('never evaluates the path', () => {
    expect(parseJsonPath('$.a[(process.exit())]').ok).toBe(false);
  });
});

describe('extractMappings', () => {
  it('sets each variable, with objects as JSON and missing paths as null', () => {
    const mapped = extractMappings(response, [
      { path: '$.order.status', variable: 'status' },
      { path: 'order.items[1].name', variable: 'second' },
      { path: '$.order.items[0]', variable: 'first' },
      { path: '$.order.eta', variable: 'eta' },
      { path: '$.ok', variable: '__proto__' },
    ]);
    expect({ ...mapped.values }).toEqual({ status: 'shipped', second: 'Mug', first: '{"name":"Kettle","price":19.5}', eta: null, ['__proto__']: true });
    expect(Object.getPrototypeOf({})).not.toHaveProperty('ok');
    expect(mapped.missing).toEqual(['eta']);
  });
});
