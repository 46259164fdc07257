import { describe, expect, it } from 'vitest';
import { matchChoice } from '../../../runtime/src/engine';
import type { ChoiceOption } from '../../../runtime/src/schema';

const options: ChoiceOption[] = [
  { id: 'status', label: 'Status zamówienia', synonyms: ['gdzie jest paczka', 'śledzenie'] },
  { id: 'return', label: 'Zwrot towaru', synonyms: ['reklamacja', 'oddać'] },
  { id: 'human', label: 'Rozmowa z konsultantem', synonyms: ['człowiek'] },
];
const pick = (text: string, opts: ChoiceOption[] = options) => matchChoice(opts, text)?.id ?? null;

describe('matchChoice', () => {
  it('matches "Zwrot towaru" however it is typed', () => {
    expect(pick('Zwrot towaru')).toBe('return');
    expect(pick('zwrot towaru!')).toBe('return');
    expect(pick('  ZWROT   Towaru ')).toBe('return');
    expect(pick('zwrot')).toBe('return');
  });

  it('ignores diacritics both ways, including ł', () => {
    expect(pick('sledzenie')).toBe('status');
    expect(pick('czlowiek')).toBe('human');
    expect(pick('ODDAC')).toBe('return');
    const withL = [{ id: 'pay', label: 'Płatność' }, { id: 'other', label: 'Inne' }];
    expect(pick('platnosc', withL)).toBe('pay');
  });

  it('matches synonyms', () => {
    expect(pick('Reklamacja')).toBe('return');
    expect(pick('gdzie jest paczka?')).toBe('status');
  });

  it('matches typed text that contains a whole label or synonym', () => {
    expect(pick('chciałbym zwrot towaru proszę')).toBe('return');
    expect(pick('chcę złożyć reklamację... reklamacja')).toBe('return');
  });

  it('prefers the longest contained phrase', () => {
    const opts = [{ id: 'order', label: 'Order' }, { id: 'orderStatus', label: 'Order status' }];
    expect(pick('my order status please', opts)).toBe('orderStatus');
    expect(pick('order', opts)).toBe('order');
  });

  it('matches word prefixes of at least three letters', () => {
    expect(pick('zwr tow')).toBe('return');
    expect(pick('konsult')).toBe('human');
    expect(pick('zw')).toBeNull();
  });

  it('picks an option by its number', () => {
    expect(pick('1')).toBe('status');
    expect(pick('3')).toBe('human');
    expect(pick('4')).toBeNull();
    expect(pick('0')).toBeNull();
  });

  it('prefers a label that is a number over the position', () => {
    const opts = [{ id: 'a', label: '2' }, { id: 'b', label: 'Two' }];
    expect(pick('2', opts)).toBe('a');
  });

  it('treats ambiguity as no match', () => {
    const opts = [{ id: 'a', label: 'Card lost' }, { id: 'b', label: 'Card blocked' }];
    expect(pick('card', opts)).toBeNull();
    expect(pick('card lost', opts)).toBe('a');
    const dup = [{ id: 'a', label: 'Help' }, { id: 'b', label: 'help!' }];
    expect(pick('help', dup)).toBeNull();
  });

  it('does not match unrelated or empty text', () => {
    expect(pick('pogoda w Krakowie')).toBeNull();
    expect(pick('!!!')).toBeNull();
    expect(pick('')).toBeNull();
    expect(matchChoice([], 'x')).toBeNull();
  });
});
