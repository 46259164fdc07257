import { describe, expect, it } from 'vitest';
import { advancePreview, beginPreview, resolveIntentPick } from '../../../editor/src/flow-editor/preview/conversation';
import { tickingContext, unsureIntentFlow } from './fixtures';

const flow = unsureIntentFlow();

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
