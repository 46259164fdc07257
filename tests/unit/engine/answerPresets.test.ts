import { describe, expect, it } from 'vitest';
import { defaultRetryText, validateAnswer } from '../../../runtime/src/engine';
import { createIndex } from '../../../runtime/src/engine/flowIndex';
import { inputKindSchema, type QuestionData } from '../../../runtime/src/schema';
import { flowOf } from './helpers';

const index = createIndex(flowOf({ nodes: [], edges: [] }));
const q = (data: Partial<QuestionData>): QuestionData => ({ text: '?', variable: 'v', inputKind: 'text', ...data });
const value = (data: Partial<QuestionData>, answer: string) => {
  const r = validateAnswer(index, q(data), answer);
  return r.ok ? r.value : 'refused';
};

describe('digits only', () => {
  it('accepts digits (spaces ignored, leading zeros kept) and refuses anything else', () => {
    expect(value({ inputKind: 'digits' }, '0012345')).toBe('0012345');
    expect(value({ inputKind: 'digits' }, ' 12 34 56 ')).toBe('123456');
    for (const bad of ['12a', '-12', '12.5', '+48', 'abc']) expect(value({ inputKind: 'digits' }, bad)).toBe('refused');
  });
});

describe('order number (letters and digits)', () => {
  it('accepts letters and digits with at least one digit, stored in capitals', () => {
    expect(value({ inputKind: 'orderNumber' }, 'ab123456')).toBe('AB123456');
    expect(value({ inputKind: 'orderNumber' }, 'ORD-2024-17')).toBe('ORD-2024-17');
    expect(value({ inputKind: 'orderNumber' }, 'AB 123 456')).toBe('AB123456');
    for (const bad of ['hello', 'AB', 'AB#123', 'zamówienie 12', 'A'.repeat(30) + '1']) {
      expect(value({ inputKind: 'orderNumber' }, bad)).toBe('refused');
    }
  });
});

describe('postcode (PL)', () => {
  it('accepts NN-NNN or NNNNN and stores NN-NNN', () => {
    expect(value({ inputKind: 'postcodePl' }, '00-950')).toBe('00-950');
    expect(value({ inputKind: 'postcodePl' }, '31042')).toBe('31-042');
    for (const bad of ['0-950', '00-9500', '00 950', 'AB-123', '00–950', '12-34']) {
      expect(value({ inputKind: 'postcodePl' }, bad)).toBe('refused');
    }
  });
});

describe('phone number', () => {
  it('accepts +48 with spaces or hyphens and refuses letters and short numbers', () => {
    expect(value({ inputKind: 'phone' }, '+48 600 100 200')).toBe('+48600100200');
    expect(value({ inputKind: 'phone' }, '600-100-200')).toBe('600100200');
    for (const bad of ['+48 600 abc', '12345', 'call me']) expect(value({ inputKind: 'phone' }, bad)).toBe('refused');
  });
});

describe('e-mail, date, yes/no', () => {
  it('accepts and refuses examples', () => {
    expect(value({ inputKind: 'email' }, 'jan@example.com')).toBe('jan@example.com');
    expect(value({ inputKind: 'email' }, 'jan@')).toBe('refused');
    expect(value({ inputKind: 'date' }, '24.12.2026')).toBe('2026-12-24');
    expect(value({ inputKind: 'date' }, '31.02.2026')).toBe('refused');
    expect(value({ inputKind: 'yesNo' }, 'tak')).toBe(true);
    expect(value({ inputKind: 'yesNo' }, 'maybe')).toBe('refused');
  });
});

describe('a number', () => {
  it('accepts negatives and decimals when the options are absent, as before', () => {
    expect(value({ inputKind: 'number' }, '-3')).toBe(-3);
    expect(value({ inputKind: 'number' }, '12,5')).toBe(12.5);
  });

  it('refuses negatives or decimals when the manager turns them off', () => {
    expect(value({ inputKind: 'number', allowNegative: false }, '-3')).toBe('refused');
    expect(value({ inputKind: 'number', allowNegative: false }, '-0')).toBe('refused');
    expect(value({ inputKind: 'number', allowNegative: false }, '12.5')).toBe(12.5);
    expect(value({ inputKind: 'number', allowDecimals: false }, '12,5')).toBe('refused');
    expect(value({ inputKind: 'number', allowDecimals: false }, '-12')).toBe(-12);
    expect(value({ inputKind: 'number', allowNegative: false, allowDecimals: false }, '12')).toBe(12);
  });
});

describe('presets on long customer text', () => {
  it('refuse long input at once rather than scanning it with a pattern', () => {
    const long = '1'.repeat(100_000);
    expect(value({ inputKind: 'digits' }, long)).toBe('refused');
    expect(value({ inputKind: 'orderNumber' }, long)).toBe('refused');
    expect(value({ inputKind: 'postcodePl' }, long)).toBe('refused');
  });
});

describe('default retry texts', () => {
  it('exist in English and Polish for every answer check and differ between the languages', () => {
    for (const inputKind of inputKindSchema.options) {
      const en = defaultRetryText({ inputKind }, 'en');
      const pl = defaultRetryText({ inputKind }, 'pl-PL');
      expect(en.length).toBeGreaterThan(10);
      expect(pl.length).toBeGreaterThan(10);
      expect(pl).not.toBe(en);
    }
  });

  it('name the number rules the manager chose', () => {
    expect(defaultRetryText({ inputKind: 'number', allowDecimals: false }, 'pl')).toBe('Podaj liczbę całkowitą, na przykład 12.');
    expect(defaultRetryText({ inputKind: 'number', allowNegative: false }, 'en')).toContain('not negative');
    expect(defaultRetryText({ inputKind: 'postcodePl' }, 'pl')).toBe('Podaj kod pocztowy w formacie 00-950.');
  });
});
