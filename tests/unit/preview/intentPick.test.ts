import { describe, expect, it } from 'vitest';
import { advancePreview, beginPreview, resolveIntentPick } from '../../../editor/src/flow-editor/preview/conversation';
import { flowDocumentSchema } from '../../../runtime/src/schema';
import { tickingContext } from './fixtures';

const flow = flowDocumentSchema.parse({
  schemaVersion: 2,
  id: 'unsure-preview',
  name: 'Unsure',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'understand',
      type: 'intent',
      position: { x: 300, y: 0 },
      data: {
        threshold: 1,
        askModelWhenUnsure: true,
        intents: [
          { id: 'track', name: 'track order', examples: ['where is my order', 'track my parcel'] },
          { id: 'refund', name: 'refund', examples: ['refund please', 'I want my money back'] },
        ],
      },
    },
    { id: 'tracking', type: 'end', position: { x: 600, y: 0 }, data: { text: 'Let me look up your order.' } },
    { id: 'refunds', type: 'end', position: { x: 600, y: 100 }, data: { text: 'Refunds take 5 days.' } },
    { id: 'sorry', type: 'end', position: { x: 600, y: 200 }, data: { text: 'Let me get you a person.' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'understand' },
    { id: 'e2', source: 'understand', sourceHandle: 'track', target: 'tracking' },
    { id: 'e3', source: 'understand', sourceHandle: 'refund', target: 'refunds' },
    { id: 'e4', source: 'understand', sourceHandle: 'fallback', target: 'sorry' },
  ],
});

const botTexts = (c: { messages: { from: string; text?: string }[] }) => c.messages.filter((m) => m.from === 'bot').map((m) => m.text);

describe('an unsure intent step in the preview', () => {
  it('waits for the server to ask the model, then continues at the pick; the preview cannot be saved as a test', () => {
    const ctx = tickingContext();
    const waiting = advancePreview(flow, beginPreview(flow, ctx), { type: 'text', text: 'my shoes pinch' }, ctx);
    expect(waiting.pendingIntentPick).toMatchObject({ nodeId: 'understand', request: { text: 'my shoes pinch', timeoutMs: 3000 } });
    expect(waiting.input).toEqual({ type: 'none' });
    const done = resolveIntentPick(flow, waiting, { pick: 'refund' }, ctx);
    expect(done.pendingIntentPick).toBeNull();
    expect(botTexts(done)).toEqual(['Refunds take 5 days.']);
    expect(done.steps.at(-1)?.expect).toEqual(['Refunds take 5 days.']);
    expect(done.unreplayable).toBe('knowledgeAnswer');
  });

  it('a failure takes "Not understood"', () => {
    const ctx = tickingContext();
    const waiting = advancePreview(flow, beginPreview(flow, ctx), { type: 'text', text: 'my shoes pinch' }, ctx);
    const done = resolveIntentPick(flow, waiting, { pick: null, reason: 'network' }, ctx);
    expect(botTexts(done)).toEqual(['Let me get you a person.']);
  });
});
