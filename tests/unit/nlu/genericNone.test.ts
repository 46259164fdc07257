import { describe, expect, it } from 'vitest';
import { FLOW_MODEL_SEED, trainForFlow } from '../../../runtime/src/nlu/flowModels';
import { NODE_MIN_THRESHOLD } from '../../../runtime/src/nlu/thresholdFloor';
import { GENERIC_NONE } from '../../../runtime/src/nlu/genericNone';
import { predict } from '../../../runtime/src/nlu/predict';
import type { IntentExamples } from '../../../runtime/src/nlu/train';

const shop: IntentExamples[] = [
  { name: 'order_status', examples: ['where is my order', 'track my parcel', 'has my package shipped', 'when will my order arrive', 'order status'] },
  { name: 'refund', examples: ['I want a refund', 'give me my money back', 'how do I return this', 'refund my purchase', 'return an item'] },
];
const greeting: IntentExamples = { name: 'greeting', examples: ['hello', 'hello there', 'hi', 'good morning', 'hey'] };

const train = (intents: IntentExamples[], genericNone?: string[]) =>
  trainForFlow({ locale: 'en', seed: FLOW_MODEL_SEED, intents, ...(genericNone ? { genericNone } : {}) }, NODE_MIN_THRESHOLD);

describe('built-in out-of-scope phrases', () => {
  it('ship in English and Polish', () => {
    expect(GENERIC_NONE.en.length).toBeGreaterThan(40);
    expect(GENERIC_NONE.pl.length).toBeGreaterThan(40);
  });

  it('give a flow without none phrases a none class that takes small talk', () => {
    const model = train(shop);
    expect(model.hasNone).toBe(true);
    for (const text of ['hello there', 'tell me a joke', 'you are stupid']) expect(predict(model, text).intent).toBeNull();
    expect(predict(model, 'where is my parcel').intent).toBe('order_status');
  });

  it('make no none class when turned off', () => {
    expect(train(shop, []).hasNone).toBe(false);
  });

  it('give way to staff phrases: a flow with a greeting intent still recognises hello', () => {
    const model = train([...shop, greeting]);
    expect(predict(model, 'hello there').intent).toBe('greeting');
    expect(predict(model, 'good morning!').intent).toBe('greeting');
  });
});
