import { describe, expect, it } from 'vitest';
import { startAt } from '../../../runtime/src/engine';
import { begin, ctxAt, edge, eventNamed, eventNames, flowOf, say, send, startTo, texts } from './helpers';

function globalFlow() {
  return flowOf({
    variables: [{ name: 'email', type: 'string' }],
    settings: {
      globalIntents: {
        intents: [
          { id: 'human', name: 'talk to a human', examples: ['talk to a human', 'I want a real person', 'connect me with an agent', 'speak to someone', 'human please'], action: 'jump', target: 'agent' },
          { id: 'restart', name: 'start over', examples: ['start over', 'restart', 'begin again', 'from the beginning', 'reset the conversation'], action: 'jump', target: 'menu' },
        ],
      },
    },
    nodes: [
      ...startTo('menu').nodes,
      { id: 'menu', type: 'choice', data: { text: 'Main menu', options: [{ id: 'news', label: 'Newsletter' }] } },
      { id: 'ask', type: 'question', data: { text: 'Your email?', variable: 'email', inputKind: 'email' } },
      { id: 'done', type: 'end', data: { text: 'Subscribed {{email}}.' } },
      { id: 'agent', type: 'handoff', data: { text: 'Connecting you.', queue: 'support' } },
      { id: 'csat', type: 'satisfaction', data: { text: 'Rate us', askComment: true } },
    ],
    edges: [...startTo('menu').edges, edge('menu', 'ask', 'news'), edge('ask', 'done', 'next'), edge('agent', 'menu', 'resolved')],
  });
}

describe('global intents', () => {
  it('interrupt a question: "talk to a human" jumps to the handoff', () => {
    const flow = globalFlow();
    const atQuestion = send(flow, begin(flow).session, { type: 'option', optionId: 'news' }).session;
    expect(atQuestion.nodeId).toBe('ask');
    const r = say(flow, atQuestion, 'can I talk to a human?');
    expect(eventNamed(r, 'globalIntent')).toMatchObject({ nodeId: 'ask', data: { intentId: 'human', target: 'agent' } });
    expect(eventNames(r)).not.toContain('validationFailed');
    expect(texts(r)).toEqual(['Connecting you.']);
    expect(r.session.status).toBe('handedOff');
  });

  it('interrupt a choice: "start over" jumps back to the menu', () => {
    const flow = globalFlow();
    const r = say(flow, begin(flow).session, 'please start over');
    expect(eventNamed(r, 'globalIntent')?.data).toMatchObject({ intentId: 'restart' });
    expect(texts(r)).toEqual(['Main menu']);
  });

  it('leave ordinary answers to the waiting step', () => {
    const flow = globalFlow();
    const atQuestion = send(flow, begin(flow).session, { type: 'option', optionId: 'news' }).session;
    const r = say(flow, atQuestion, 'anna@example.com');
    expect(eventNamed(r, 'globalIntent')).toBeUndefined();
    expect(texts(r)).toEqual(['Subscribed anna@example.com.']);
    const typedOption = say(flow, begin(flow).session, 'newsletter');
    expect(eventNamed(typedOption, 'globalIntent')).toBeUndefined();
    expect(texts(typedOption)).toEqual(['Your email?']);
  });

  it('never read a button click as an intent', () => {
    const flow = globalFlow();
    const r = send(flow, begin(flow).session, { type: 'option', optionId: 'news' });
    expect(eventNamed(r, 'globalIntent')).toBeUndefined();
  });

  it('leave a rating comment alone', () => {
    const flow = globalFlow();
    const rated = say(flow, startAt(flow, 'csat', ctxAt(), { sessionId: 's', flowVersion: 1 }).session, '1');
    const r = say(flow, rated.session, 'talk to a human');
    expect(eventNamed(r, 'globalIntent')).toBeUndefined();
    expect(eventNamed(r, 'csat')?.data).toEqual({ rating: 1, comment: 'talk to a human' });
  });
});
