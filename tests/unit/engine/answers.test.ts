import { describe, expect, it } from 'vitest';
import { validateAnswer } from '../../../runtime/src/engine';
import { createIndex } from '../../../runtime/src/engine/flowIndex';
import type { QuestionData } from '../../../runtime/src/schema';
import { flowOf } from './helpers';

const index = createIndex(flowOf({ nodes: [], edges: [] }));
const q = (data: Partial<QuestionData>): QuestionData => ({ text: '?', variable: 'v', inputKind: 'text', ...data });
const check = (data: Partial<QuestionData>, answer: string) => validateAnswer(index, q(data), answer);
const value = (data: Partial<QuestionData>, answer: string) => {
  const r = check(data, answer);
  return r.ok ? r.value : undefined;
};

describe('text answers', () => {
  it('stores trimmed text and rejects blank answers', () => {
    expect(value({}, '  hello ')).toBe('hello');
    expect(check({}, '   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('applies length rules', () => {
    expect(check({ minLength: 3 }, 'ab')).toEqual({ ok: false, reason: 'tooShort' });
    expect(check({ maxLength: 3 }, 'abcd')).toEqual({ ok: false, reason: 'tooLong' });
    expect(value({ minLength: 2, maxLength: 4 }, 'żółw')).toBe('żółw');
  });

  it('requires the pattern to match the whole answer', () => {
    expect(value({ pattern: 'ORD-\\d{5}' }, 'ORD-12345')).toBe('ORD-12345');
    expect(check({ pattern: 'ORD-\\d{5}' }, 'my ORD-12345')).toEqual({ ok: false, reason: 'pattern' });
    expect(check({ pattern: 'a|b' }, 'ab')).toEqual({ ok: false, reason: 'pattern' });
    expect(value({ pattern: '\\p{L}+' }, 'Łódź')).toBe('Łódź');
  });

  it('does not block customers when the pattern itself is invalid', () => {
    expect(value({ pattern: '([' }, 'anything')).toBe('anything');
  });
});

describe('number answers', () => {
  it.each([
    ['12', 12],
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['-3', -3],
    [' 7 ', 7],
  ])('accepts %s', (input, expected) => expect(value({ inputKind: 'number' }, input)).toBe(expected));

  it.each(['abc', '12a', '1.2.3', '', '1 000', 'Infinity', '0x10'])('rejects %j', (input) => {
    expect(check({ inputKind: 'number' }, input).ok).toBe(false);
  });
});

describe('email answers', () => {
  it.each(['ala@example.com', 'a.b+tag@sub.example.co.uk'])('accepts %s', (input) => expect(value({ inputKind: 'email' }, input)).toBe(input));
  it.each(['ala', 'ala@', '@example.com', 'ala@example', 'a la@example.com', 'a@b.c', 'a@@b.com'])('rejects %j', (input) => {
    expect(check({ inputKind: 'email' }, input)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('phone answers', () => {
  it.each([
    ['+48 600 100 200', '+48600100200'],
    ['600-100-200', '600100200'],
    ['(22) 555 01 01', '225550101'],
    ['+1 (415) 555-2671', '+14155552671'],
  ])('accepts %s as %s', (input, expected) => expect(value({ inputKind: 'phone' }, input)).toBe(expected));

  it.each(['12345', '1234567890123456', 'call me', '600 100 200 ext 5', '48+600100200'])('rejects %j', (input) => {
    expect(check({ inputKind: 'phone' }, input).ok).toBe(false);
  });
});

describe('date answers', () => {
  it.each([
    ['2026-12-24', '2026-12-24'],
    ['24.12.2026', '2026-12-24'],
    ['24/12/2026', '2026-12-24'],
    ['24-12-2026', '2026-12-24'],
    ['1.2.2027', '2027-02-01'],
    ['29.02.2028', '2028-02-29'],
  ])('accepts %s as %s', (input, expected) => expect(value({ inputKind: 'date' }, input)).toBe(expected));

  it.each(['2026-02-30', '31.04.2026', '29.02.2027', '2026-13-01', '00.01.2026', 'tomorrow', '12/24'])('rejects %j', (input) => {
    expect(check({ inputKind: 'date' }, input).ok).toBe(false);
  });
});

describe('yes/no answers', () => {
  it.each(['yes', 'Y', 'Yeah', 'yep', 'sure', 'TRUE', 'ok', 'Tak', 't', 'no jasne', 'Tak!', 'Ták', 'NO JASNE!'])('reads %j as yes', (input) =>
    expect(value({ inputKind: 'yesNo' }, input)).toBe(true),
  );
  it.each(['no', 'N', 'nope', 'false', 'Nie', 'NIE.'])('reads %j as no', (input) => expect(value({ inputKind: 'yesNo' }, input)).toBe(false));
  it.each(['maybe', 'no problem', 'yes no', '1'])('rejects %j', (input) => expect(check({ inputKind: 'yesNo' }, input).ok).toBe(false));
});
