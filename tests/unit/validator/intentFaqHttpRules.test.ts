import { describe, expect, it } from 'vitest';
import { validateFlow, type Problem } from '../../../runtime/src/validator';
import { isHttpUrlTemplate } from '../../../runtime/src/validator/rules/httpRequests';
import { phraseClashes } from '../../../runtime/src/nlu/phraseClashes';
import { e, flow, n, question, start, end, handoff } from './build';
import type { FlowNode } from '../../../runtime/src/schema/node';

type IntentData = Extract<FlowNode, { type: 'intent' }>['data'];
type HttpData = Extract<FlowNode, { type: 'httpRequest' }>['data'];

const codes = (problems: Problem[]) => problems.map((p) => p.code);
const only = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);

function intentNode(data: Partial<IntentData> = {}) {
  return n('intent', 'i', {
    intents: [
      { id: 'track', name: 'Track order', examples: ['where is my order'] },
      { id: 'refund', name: 'Refund', examples: ['money back'] },
    ],
    ...data,
  });
}

function intentFlow(data: Partial<IntentData> = {}, withFallback = true) {
  return flow(
    [start(), intentNode(data), end('a'), end('b'), end('c')],
    [e('start', 'next', 'i'), e('i', 'track', 'a'), e('i', 'refund', 'b'), ...(withFallback ? [e('i', 'fallback', 'c')] : [])],
  );
}

function httpFlow(data: Partial<HttpData>) {
  const node = n('httpRequest', 'h', { method: 'POST', url: 'https://api.example.com/x', headers: [], responseMapping: [], ...data });
  return flow([start(), node, end('ok'), end('bad')], [e('start', 'next', 'h'), e('h', 'success', 'ok'), e('h', 'error', 'bad')]);
}

describe('validator: intent steps', () => {
  it('accepts a complete intent step', () => {
    expect(validateFlow(intentFlow())).toEqual([]);
  });

  it('requires every intent output to be connected (error)', () => {
    const f = flow([start(), intentNode(), end('a'), end('c')], [e('start', 'next', 'i'), e('i', 'track', 'a'), e('i', 'fallback', 'c')]);
    expect(only(validateFlow(f), 'unconnected-output')).toEqual([
      { severity: 'error', code: 'unconnected-output', message: "The intent 'Refund' in the intent step recognising \"Track order / Refund\" is not connected to anything.", nodeId: 'i', handle: 'refund' },
    ]);
  });

  it('warns when fallback leads nowhere', () => {
    const problems = validateFlow(intentFlow({}, false)).filter((p) => p.code !== 'unreachable-node');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'fallback-unconnected', nodeId: 'i', handle: 'fallback' })]);
  });

  it('requires an example per intent and at least one intent', () => {
    const noExamples = intentFlow({ intents: [{ id: 'track', name: 'Track', examples: [' ', '?!'] }, { id: 'refund', name: 'Refund', examples: ['x'] }] });
    expect(only(validateFlow(noExamples), 'missing-examples')).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'i', handle: 'track' }),
    ]);
    const empty = flow([start(), n('intent', 'i', { text: 'Hi', intents: [] }), end('c')], [e('start', 'next', 'i'), e('i', 'fallback', 'c')]);
    expect(codes(validateFlow(empty))).toEqual(['missing-examples']);
  });

  it('requires intent names to differ, ignoring case and accents', () => {
    const f = intentFlow({ intents: [{ id: 'track', name: 'Zwrot', examples: ['a'] }, { id: 'refund', name: 'zwrót', examples: ['b'] }] });
    expect(only(validateFlow(f), 'duplicate-intent-name')).toEqual([expect.objectContaining({ severity: 'error', handle: 'refund' })]);
  });

  it('warns about a phrase listed under two intents', () => {
    const f = intentFlow({
      intents: [
        { id: 'track', name: 'Track', examples: ['Where is my order?', 'track'] },
        { id: 'refund', name: 'Refund', examples: ['where is my ORDER', 'refund'] },
      ],
      noneExamples: ['refund!'],
    });
    const clashes = only(validateFlow(f), 'phrase-clash');
    expect(clashes).toHaveLength(2);
    expect(clashes[0]).toMatchObject({ severity: 'warning', nodeId: 'i' });
    expect(clashes[0]!.message).toContain("'Track' and 'Refund'");
    expect(clashes[1]!.message).toContain('"none of these"');
  });
});

describe('phraseClashes', () => {
  it('finds clashes in FAQ questions and global intents, not across steps', () => {
    const f = flow(
      [
        start(),
        n('faq', 'f', { items: [{ id: 'q1', question: 'Opening hours', answer: 'a' }, { id: 'q2', question: 'x', variants: ['opening hours!'], answer: 'b' }] }),
        n('intent', 'i', { intents: [{ id: 'a', name: 'A', examples: ['opening hours'] }] }),
        handoff('agent'),
      ],
      [],
      { settings: { globalIntents: { intents: [
        { id: 'h', name: 'Human', examples: ['agent'], action: 'jump', target: 'agent' },
        { id: 'm', name: 'Menu', examples: ['Agent'], action: 'jump', target: 'agent' },
      ] } } },
    );
    expect(phraseClashes(f)).toEqual([
      { scope: 'f', phrase: 'Opening hours', ids: ['q1', 'q2'] },
      { scope: '__global', phrase: 'agent', ids: ['h', 'm'] },
    ]);
  });
});

describe('validator: FAQ', () => {
  it('requires question text on each item, and warns on an open fallback', () => {
    const f = flow(
      [start(), n('faq', 'f', { items: [{ id: 'q1', question: '', answer: 'a' }, { id: 'q2', question: 'Price?', answer: 'b' }] }), end('x')],
      [e('start', 'next', 'f'), e('f', 'answered', 'x')],
    );
    expect(validateFlow(f).map((p) => [p.code, p.severity, p.handle])).toEqual([
      ['missing-examples', 'error', 'q1'],
      ['fallback-unconnected', 'warning', 'fallback'],
    ]);
  });
});

describe('validator: HTTP requests', () => {
  it.each([
    ['https://api.example.com/orders/{{orderNumber}}', true],
    ['http://{{host}}.example.com/x?key={{secret.API_KEY}}', true],
    ['HTTPS://API.EXAMPLE.COM', true],
    ['ftp://example.com/file', false],
    ['{{url}}', false],
    ['javascript:alert(1)', false],
    ['https://', false],
    ['', false],
  ])('isHttpUrlTemplate(%j) is %s', (url, ok) => expect(isHttpUrlTemplate(url)).toBe(ok));

  it('accepts a complete request', () => {
    expect(validateFlow(httpFlow({ body: '{"id": "{{id}}", "qty": {{qty}}, "key": "{{secret.K}}"}', responseMapping: [{ path: '$.a[0].b', variable: 'b' }] }))
      .filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('rejects a non-http address', () => {
    expect(only(validateFlow(httpFlow({ url: 'file:///etc/passwd' })), 'invalid-http-url')).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'h' }),
    ]);
  });

  it('rejects a body that is not JSON once its placeholders are filled', () => {
    const [p] = only(validateFlow(httpFlow({ body: '{"id": {{id}}, }' })), 'invalid-json-body');
    expect(p).toMatchObject({ severity: 'error', nodeId: 'h' });
    expect(p!.message).toContain('not valid JSON');
    // A GET sends no body, so its leftover text is not checked.
    expect(only(validateFlow(httpFlow({ method: 'GET', body: '{oops' })), 'invalid-json-body')).toEqual([]);
  });

  it('rejects an unreadable response path', () => {
    expect(only(validateFlow(httpFlow({ responseMapping: [{ path: '$.a[', variable: 'a' }] })), 'invalid-response-path')).toHaveLength(1);
  });

  it('treats a request as automatic for loop detection', () => {
    const node = n('httpRequest', 'h', { method: 'GET', url: 'https://x.example.com', headers: [], responseMapping: [] });
    const f = flow([start(), node], [e('start', 'next', 'h'), e('h', 'success', 'h'), e('h', 'error', 'h')]);
    expect(codes(validateFlow(f))).toContain('endless-loop');
  });
});

describe('validator: global intents', () => {
  it('reports a target that does not exist', () => {
    const f = flow([start(), end('x')], [e('start', 'next', 'x')], {
      settings: { globalIntents: { intents: [{ id: 'h', name: 'Human', examples: ['human'], action: 'jump', target: 'gone' }] } },
    });
    expect(codes(validateFlow(f))).toEqual(['global-intent-missing-target']);
  });

  it('counts a target as reachable from any question', () => {
    const f = flow([start(), question('q', 'email'), end('x'), handoff('agent')], [e('start', 'next', 'q'), e('q', 'next', 'x'), e('agent', 'resolved', 'x'), e('agent', 'offline', 'x')], {
      settings: { globalIntents: { intents: [{ id: 'h', name: 'Human', examples: ['talk to a human'], action: 'jump', target: 'agent' }] } },
    });
    expect(codes(validateFlow(f))).not.toContain('unreachable-node');
  });

  it('requires an example per global intent', () => {
    const f = flow([start(), end('x')], [e('start', 'next', 'x')], {
      settings: { globalIntents: { intents: [{ id: 'h', name: 'Human', examples: [], action: 'jump', target: 'x' }] } },
    });
    expect(validateFlow(f)).toEqual([expect.objectContaining({ code: 'missing-examples', severity: 'error' })]);
  });
});
