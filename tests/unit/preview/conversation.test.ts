import { describe, expect, it } from 'vitest';
import { advancePreview, agentReply, beginPreview, editVariable } from '../../../editor/src/flow-editor/preview/conversation';
import { bankCard, tickingContext } from './fixtures';

const texts = (c: { messages: { from: string; text?: string }[] }, from = 'bot') => c.messages.filter((m) => m.from === from).map((m) => m.text);

describe('preview conversation', () => {
  it('starts with the bot greeting and waits at the main menu', () => {
    const c = beginPreview(bankCard(), tickingContext());
    expect(texts(c)).toEqual([
      "Hi, I'm the Northbank virtual assistant. I can help if your card is lost, stolen or blocked.",
      'What do you need help with?',
    ]);
    expect(c.session.nodeId).toBe('main-menu');
    expect(c.input.type).toBe('choice');
    expect(c.visitedNodeIds).toEqual(['start', 'welcome', 'main-menu']);
    expect(c.visitedEdgeIds).toEqual(['e-start-next', 'e-welcome-next']);
    expect(c.steps).toEqual([{ input: null, expect: texts(c) }]);
    expect(c.messages.map((m) => m.id)).toEqual([1, 2]);
  });

  it('echoes a clicked option as the customer and follows its edge', () => {
    const flow = bankCard();
    const ctx = tickingContext();
    const c = advancePreview(flow, beginPreview(flow, ctx), { type: 'option', optionId: 'opt-lost' }, ctx);
    expect(c.messages[2]).toMatchObject({ id: 3, from: 'customer', text: 'My card is lost' });
    expect(c.session.nodeId).toBe('ask-replacement');
    expect(c.visitedEdgeIds).toContain('e-main-menu-opt-lost');
    expect(c.visitedEdgeIds).toContain('e-lost-freeze-next');
    // Link buttons reach the transcript as the widget renders them; only texts are compared in tests.
    expect(c.messages.some((m) => m.kind === 'links')).toBe(true);
    expect(c.steps[1]!.expect).toEqual([
      "Don't worry: you can freeze your card instantly in the Northbank app under Cards → Freeze. If you find it again, simply unfreeze it.",
      'Would you like to order a replacement card? (yes/no)',
    ]);
  });

  it('never mutates the conversation it was given', () => {
    const flow = bankCard();
    const ctx = tickingContext();
    const first = beginPreview(flow, ctx);
    const snapshot = structuredClone(first);
    advancePreview(flow, first, { type: 'text', text: 'lost' }, ctx);
    expect(first).toEqual(snapshot);
  });

  it('plays the agent in a handoff, then returns the chat to the bot', () => {
    const flow = bankCard();
    const ctx = tickingContext();
    let c = advancePreview(flow, beginPreview(flow, ctx), { type: 'option', optionId: 'opt-agent' }, ctx);
    expect(c.session.status).toBe('handedOff');
    c = agentReply(c, 'Hello, Anna here.', 1, 'Anna');
    c = agentReply(c, 'How can I help?', 2, 'Anna');
    expect(c.messages.filter((m) => m.from === 'system').map((m) => m.text)).toEqual(['agentJoined']);
    expect(texts(c, 'agent')).toEqual(['Hello, Anna here.', 'How can I help?']);
    c = advancePreview(flow, c, { type: 'handoffReturned' }, ctx, 'Anna');
    expect(c.session.status).toBe('waiting');
    expect(c.session.nodeId).toBe('ask-anything-else');
    expect(c.messages.filter((m) => m.from === 'system').map((m) => m.text)).toEqual(['agentJoined', 'returnedToBot']);
    expect(c.agentJoined).toBe(false);
    expect(c.steps.at(-1)!.input).toEqual({ type: 'handoffReturned' });
  });

  it('closing a handoff completes the conversation', () => {
    const flow = bankCard();
    const ctx = tickingContext();
    let c = advancePreview(flow, beginPreview(flow, ctx), { type: 'option', optionId: 'opt-agent' }, ctx);
    c = advancePreview(flow, c, { type: 'close' }, ctx);
    expect(c.session.status).toBe('completed');
  });

  it('starts from a chosen node, which makes the chat unreplayable as a test', () => {
    const c = beginPreview(bankCard(), tickingContext(), 'faq-menu');
    expect(texts(c)).toEqual(['Which topic are you interested in?']);
    expect(c.session.nodeId).toBe('faq-menu');
    expect(c.unreplayable).toBe('startedMidway');
  });

  it('editing a variable changes what the bot knows and marks the chat', () => {
    const flow = bankCard();
    const ctx = tickingContext();
    const c = beginPreview(flow, ctx);
    expect(editVariable(c, 'handoffReason', c.session.variables.handoffReason!)).toBe(c);
    const edited = editVariable(c, 'cardIssue', 'Something else');
    expect(edited.session.variables.cardIssue).toBe('Something else');
    expect(edited.unreplayable).toBe('variablesEdited');
    expect(c.session.variables.cardIssue).not.toBe('Something else');
  });
});
