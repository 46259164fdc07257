import { describe, expect, it } from 'vitest';
import { evaluateMath, mathVariables, parseMath } from '../../../runtime/src/engine';

const vars: Record<string, number | null> = { a: 10, b: 4, zero: 0, text: null };
function calc(source: string) {
  const parsed = parseMath(source);
  if (!parsed.ok) return { syntax: parsed.message };
  return evaluateMath(parsed.expr, (n) => (Object.hasOwn(vars, n) ? vars[n]! : null));
}

describe('math expressions', () => {
  it('respects precedence and parentheses', () => {
    expect(calc('2 + 3 * 4')).toEqual({ ok: true, value: 14 });
    expect(calc('(2 + 3) * 4')).toEqual({ ok: true, value: 20 });
    expect(calc('10 - 4 - 3')).toEqual({ ok: true, value: 3 });
    expect(calc('100 / 10 / 2')).toEqual({ ok: true, value: 5 });
    expect(calc('7 % 4 * 2')).toEqual({ ok: true, value: 6 });
    expect(calc('((1))')).toEqual({ ok: true, value: 1 });
  });

  it('supports unary minus and decimals', () => {
    expect(calc('-3 + 5')).toEqual({ ok: true, value: 2 });
    expect(calc('-(2 + 3)')).toEqual({ ok: true, value: -5 });
    expect(calc('2 * -3')).toEqual({ ok: true, value: -6 });
    expect(calc('--4')).toEqual({ ok: true, value: 4 });
    expect(calc('1.5 * 2')).toEqual({ ok: true, value: 3 });
    expect(calc('.5 + .25')).toEqual({ ok: true, value: 0.75 });
  });

  it('reads bare names and {{placeholders}} as variables', () => {
    expect(calc('a * b')).toEqual({ ok: true, value: 40 });
    expect(calc('{{a}} + {{ b }} + 1')).toEqual({ ok: true, value: 15 });
    expect(mathVariables((parseMath('a + {{b}} * a') as { ok: true; expr: never }).expr)).toEqual(new Set(['a', 'b']));
  });

  it('hides binary float noise', () => {
    expect(calc('0.1 + 0.2')).toEqual({ ok: true, value: 0.3 });
    expect(calc('19.99 * 3')).toEqual({ ok: true, value: 59.97 });
  });

  it('reports division and modulo by zero', () => {
    expect(calc('a / 0')).toEqual({ ok: false, code: 'divisionByZero' });
    expect(calc('a % zero')).toEqual({ ok: false, code: 'divisionByZero' });
  });

  it('reports non-numeric and unknown variables', () => {
    expect(calc('text + 1')).toEqual({ ok: false, code: 'notANumber', variable: 'text' });
    expect(calc('missing * 2')).toEqual({ ok: false, code: 'notANumber', variable: 'missing' });
  });

  it.each([
    'alert(1)',
    'constructor.constructor("return process")()',
    'a; b',
    'process.exit()',
    'a ** 2',
    '`x`',
    'a = 1',
    '[1]',
    'this',
    '',
    '1 +',
    '(1 + 2',
    '1 2',
    'a b',
    'Math.max(1, 2)',
  ])('rejects %j as a syntax error', (source) => {
    const r = parseMath(source);
    if (r.ok) {
      // A lone identifier like `this` parses as a variable name: it must then fail as non-numeric, not run.
      expect(evaluateMath(r.expr, () => null).ok).toBe(false);
    } else {
      expect(r.message).toBeTruthy();
    }
  });

  it('never resolves names to JavaScript globals or prototype members', () => {
    const r = parseMath('constructor + toString');
    expect(r.ok).toBe(true);
    if (r.ok) expect(evaluateMath(r.expr, (n) => (Object.hasOwn(vars, n) ? vars[n]! : null))).toEqual({ ok: false, code: 'notANumber', variable: 'constructor' });
  });

  it('refuses pathological nesting without overflowing the stack', () => {
    const deep = '('.repeat(500) + '1' + ')'.repeat(500);
    expect(parseMath(deep).ok).toBe(false);
    expect(parseMath('-'.repeat(500) + '1').ok).toBe(false);
  });
});
