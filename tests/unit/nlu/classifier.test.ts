import { describe, expect, it } from 'vitest';
import { predict } from '../../../runtime/src/nlu/predict';
import { trainClassifier, TrainingInputError, type TrainInput } from '../../../runtime/src/nlu/train';

const english: TrainInput = {
  locale: 'en',
  intents: [
    {
      name: 'order_status',
      examples: ['Where is my order?', 'Track my package', 'When will my order arrive?', 'Has my parcel shipped yet?', 'order status please', 'my delivery is late'],
    },
    {
      name: 'refund',
      examples: ['I want my money back', 'How do I get a refund?', 'Refund my purchase', 'Can I return this and be refunded?', 'I was charged twice, refund me', 'return an item'],
    },
    {
      name: 'human',
      examples: ['Talk to a human', 'Can I speak to an agent?', 'Connect me with a real person', 'I need a consultant', 'get me a human being', 'operator please'],
    },
  ],
};

const polish: TrainInput = {
  locale: 'pl',
  intents: [
    {
      name: 'status',
      examples: ['Gdzie jest moje zamówienie?', 'Status zamówienia', 'Kiedy dotrze paczka?', 'Czy paczka została wysłana?', 'śledzenie przesyłki', 'moje zamówienie się spóźnia'],
    },
    {
      name: 'zwrot',
      examples: ['Chcę zwrócić towar', 'Jak dostać zwrot pieniędzy?', 'Zwrot zamówienia', 'oddajcie mi pieniądze', 'chcę reklamację i zwrot', 'pobrano mnie dwa razy'],
    },
    {
      name: 'konsultant',
      examples: ['Chcę rozmawiać z człowiekiem', 'Połącz mnie z konsultantem', 'Czy mogę porozmawiać z kimś z obsługi?', 'potrzebuję konsultanta', 'żywy człowiek proszę', 'daj mi operatora'],
    },
  ],
};

describe('intent classifier on a small English flow', () => {
  const model = trainClassifier(english);

  it.each([
    ['where is my parcel', 'order_status'],
    ['my order has not arrived', 'order_status'],
    ['I would like a refund', 'refund'],
    ['give me my money back please', 'refund'],
    ['let me speak to a person', 'human'],
    ['agent!!', 'human'],
  ])('%s -> %s', (text, intent) => {
    expect(predict(model, text).intent).toBe(intent);
  });

  it('ranks every intent, best first, and reports the best one as the confidence', () => {
    const p = predict(model, 'track my order');
    expect(p.ranking.map((r) => r.intent).sort()).toEqual(['human', 'order_status', 'refund']);
    expect(p.ranking[0]?.intent).toBe('order_status');
    expect(p.ranking[0]?.score).toBe(p.confidence);
    for (let i = 1; i < p.ranking.length; i++) expect(p.ranking[i - 1]!.score).toBeGreaterThanOrEqual(p.ranking[i]!.score);
    expect(p.confidence).toBeGreaterThan(model.threshold);
  });
});

describe('intent classifier on a small Polish flow', () => {
  const model = trainClassifier(polish);

  it.each([
    ['gdzie moje zamowienie', 'status'],
    ['kiedy przyjdzie moja paczka', 'status'],
    ['zwrot pieniedzy', 'zwrot'],
    ['chce zwrocic zamówienie', 'zwrot'],
    ['połączcie mnie z człowiekiem', 'konsultant'],
    ['konsultant', 'konsultant'],
  ])('%s -> %s', (text, intent) => {
    expect(predict(model, text).intent).toBe(intent);
  });

  it('matches without Polish letters and with a one-letter typo', () => {
    expect(predict(model, 'gdzie jest moje zamowienie').intent).toBe('status');
    expect(predict(model, 'gdzie jest moje zamówinie').intent).toBe('status');
    expect(predict(model, 'polacz mnie z konsultamtem').intent).toBe('konsultant');
  });
});

describe('threshold and fallback', () => {
  const model = trainClassifier(english);

  it('calibrates a threshold on the training phrases', () => {
    expect(model.thresholdSource).toBe('calibrated');
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
  });

  it.each(['asdkjh qwpoe zxmn', 'xyzzy', '???', ''])('gibberish %j falls back', (text) => {
    const p = predict(model, text);
    expect(p.intent).toBeNull();
    expect(p.confidence).toBeLessThan(model.threshold);
  });

  it('a threshold given at training or prediction time takes precedence', () => {
    const strict = trainClassifier({ ...english, threshold: 0.999 });
    expect(strict.thresholdSource).toBe('given');
    expect(predict(strict, 'where is my parcel').intent).toBeNull();
    expect(predict(model, 'where is my parcel', { threshold: 0.999 }).intent).toBeNull();
    expect(predict(model, 'where is my parcel', { threshold: 0 }).intent).toBe('order_status');
  });

  it('none-of-these phrases train a class that falls back', () => {
    const withNone = trainClassifier({
      ...english,
      noneExamples: ['what is the weather today', 'tell me a joke', 'who won the football match', 'what time is it in Tokyo'],
    });
    expect(withNone.hasNone).toBe(true);
    expect(predict(withNone, 'tell me a funny joke').intent).toBeNull();
    expect(predict(withNone, 'what is the weather like').intent).toBeNull();
    expect(predict(withNone, 'where is my parcel').intent).toBe('order_status');
    expect(withNone.intents).toEqual(['order_status', 'refund', 'human']);
  });

  it('a single intent without none phrases uses the default threshold', () => {
    const one = trainClassifier({ locale: 'en', intents: [{ name: 'hi', examples: ['hello there', 'good morning'] }] });
    expect(one.thresholdSource).toBe('default');
    expect(predict(one, 'qqqq zzzz').intent).toBeNull();
  });
});

describe('trained model', () => {
  it('survives a JSON round-trip with identical predictions', () => {
    const model = trainClassifier(polish);
    const restored = JSON.parse(JSON.stringify(model)) as typeof model;
    expect(restored).toEqual(model);
    for (const text of ['gdzie moje zamowienie', 'zwrot', 'człowiek', 'bla bla', 'pogoda w Krakowie']) {
      expect(predict(restored, text)).toEqual(predict(model, text));
    }
  });

  it('is deterministic for a seed', () => {
    expect(trainClassifier({ ...english, seed: 3 })).toEqual(trainClassifier({ ...english, seed: 3 }));
    expect(trainClassifier({ ...english, seed: 3 }).weights).not.toEqual(trainClassifier({ ...english, seed: 4 }).weights);
  });

  it('rejects unusable input with a clear error', () => {
    expect(() => trainClassifier({ locale: 'en', intents: [] })).toThrow(TrainingInputError);
    expect(() => trainClassifier({ locale: 'en', intents: [{ name: 'a', examples: ['x'] }, { name: 'a', examples: ['y'] }] })).toThrow(/listed twice/);
    expect(() => trainClassifier({ locale: 'en', intents: [{ name: 'a', examples: ['?!'] }] })).toThrow(/example phrase/);
  });
});
