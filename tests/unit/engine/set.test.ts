import { describe, expect, it } from 'vitest';
import type { Assignment, VariableDefinition } from '../../../runtime/src/schema';
import { begin, edge, eventNamed, events, flowOf, startTo, texts } from './helpers';

function runSet(assignments: Assignment[], variables: VariableDefinition[] = []) {
  const flow = flowOf({
    variables,
    nodes: [...startTo('set').nodes, { id: 'set', type: 'set', data: { assignments } }, { id: 'after', type: 'message', data: { text: 'after' } }],
    edges: [...startTo('set').edges, edge('set', 'after', 'next')],
  });
  return begin(flow);
}

describe('set node', () => {
  it('stores numbers and booleans literally and follows next', () => {
    const r = runSet([
      { variable: 'n', value: 5 },
      { variable: 'b', value: false },
    ]);
    expect(r.session.variables).toEqual({ n: 5, b: false });
    expect(texts(r)).toEqual(['after']);
  });

  it('renders templates by default and stores literals as written', () => {
    const r = runSet(
      [
        { variable: 'greeting', value: 'Hi {{name}}!' },
        { variable: 'raw', value: 'Hi {{name}}!', mode: 'literal' },
      ],
      [{ name: 'name', type: 'string', default: 'Ola' }],
    );
    expect(r.session.variables.greeting).toBe('Hi Ola!');
    expect(r.session.variables.raw).toBe('Hi {{name}}!');
  });

  it('stores a rendered template as a number or boolean when the variable is declared so', () => {
    const r = runSet(
      [
        { variable: 'total', value: '{{price}}' },
        { variable: 'flag', value: 'true' },
      ],
      [
        { name: 'price', type: 'string', default: '19,99' },
        { name: 'total', type: 'number' },
        { name: 'flag', type: 'boolean' },
      ],
    );
    expect(r.session.variables.total).toBe(19.99);
    expect(r.session.variables.flag).toBe(true);
  });

  it('computes math with variables, and later assignments see earlier ones', () => {
    const r = runSet(
      [
        { variable: 'count', value: '{{count}} + 1', mode: 'math' },
        { variable: 'gross', value: 'net * (1 + vat / 100)', mode: 'math' },
        { variable: 'double', value: 'count * 2', mode: 'math' },
      ],
      [
        { name: 'count', type: 'number', default: 0 },
        { name: 'net', type: 'number', default: 100 },
        { name: 'vat', type: 'string', default: '23' },
      ],
    );
    expect(r.session.variables).toMatchObject({ count: 1, gross: 123, double: 2 });
  });

  it('leaves the variable unchanged and emits an error on division by zero', () => {
    const r = runSet([{ variable: 'x', value: '10 / zero', mode: 'math' }], [
      { name: 'x', type: 'number', default: 7 },
      { name: 'zero', type: 'number', default: 0 },
    ]);
    expect(r.session.variables.x).toBe(7);
    expect(eventNamed(r, 'error')).toMatchObject({ nodeId: 'set', data: { code: 'divisionByZero', variable: 'x' } });
    expect(texts(r)).toEqual(['after']);
  });

  it('leaves the variable unchanged on a non-numeric operand', () => {
    const r = runSet([{ variable: 'x', value: 'name * 2', mode: 'math' }], [{ name: 'name', type: 'string', default: 'Ola' }]);
    expect(r.session.variables).not.toHaveProperty('x');
    expect(eventNamed(r, 'error')?.data).toEqual({ code: 'notANumber', variable: 'x', operand: 'name' });
  });

  it('rejects JavaScript instead of running it', () => {
    const r = runSet([
      { variable: 'a', value: 'alert(1)', mode: 'math' },
      { variable: 'b', value: 'constructor.constructor("return 1")()', mode: 'math' },
      { variable: 'c', value: 'constructor', mode: 'math' },
    ]);
    expect(r.session.variables).toEqual({});
    const errors = events(r).filter((e) => e.name === 'error');
    expect(errors.map((e) => e.data?.code)).toEqual(['mathSyntax', 'mathSyntax', 'notANumber']);
  });

  it('stores a variable named __proto__ as an ordinary own value', () => {
    const r = runSet([{ variable: '__proto__', value: 'x' }]);
    expect(Object.hasOwn(r.session.variables, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(r.session)).variables).toEqual(r.session.variables);
    expect(Object.getPrototypeOf(r.session.variables)).toBe(Object.prototype);
  });
});
