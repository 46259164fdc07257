import { describe, expect, it } from 'vitest';
import { closeIntents } from '../../../runtime/src/nlu/modelCheck';

const track = { name: 'track', examples: ['where is my order', 'track my parcel', 'has my package shipped', 'when does my order arrive', 'order status'] };
const refund = { name: 'refund', examples: ['I want my money back', 'refund please', 'return this item', 'how do I get a refund', 'send the item back'] };
const late = { name: 'late', examples: ['my order is late', 'where is my late order', 'order not arrived', 'my parcel is late', 'package not here yet'] };

describe('closeIntents', () => {
  it('reports nothing for intents worded apart', () => {
    expect(closeIntents({ locale: 'en', seed: 7, intents: [track, refund] })).toEqual([]);
  });

  it('reports a pair whose phrases a model that never saw them gives to the other intent', () => {
    const close = closeIntents({ locale: 'en', seed: 7, intents: [track, refund, late] });
    expect(close).toHaveLength(1);
    expect(close[0]).toMatchObject({ a: 'late', b: 'track' });
    expect(close[0]!.phrases.length).toBeGreaterThanOrEqual(2);
    expect(close[0]!.phrases.every((p) => [...track.examples, ...late.examples].includes(p))).toBe(true);
  });

  it('does not judge intents with too few phrases to tell', () => {
    expect(closeIntents({ locale: 'en', seed: 7, intents: [{ name: 'a', examples: ['where is my order'] }, { name: 'b', examples: ['where is my order now'] }] })).toEqual([]);
  });
});
