import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { EXIT_LABELS } from '../../../runtime/src/schema/exitLabels';
import { edge, flowOf, startTo } from '../engine/helpers';

const root = path.resolve(import.meta.dirname, '../../..');

function flow(connected: boolean, action: 'handoff' | 'end' = 'handoff') {
  return flowOf({
    settings: { afterRetries: { action } },
    variables: [{ name: 'n', type: 'number' }],
    nodes: [
      ...startTo('q').nodes,
      { id: 'q', type: 'question', data: { text: 'How many?', variable: 'n', inputKind: 'number', maxRetries: 1 } },
      { id: 'menu', type: 'choice', data: { text: 'Which?', options: [{ id: 'a', label: 'Cards' }] } },
      { id: 'bye', type: 'end', data: {} },
    ],
    edges: [
      ...startTo('q').edges,
      edge('q', 'menu', 'next'),
      edge('menu', 'bye', 'a'),
      ...(connected ? [edge('q', 'bye', 'invalid'), edge('menu', 'bye', 'noMatch')] : []),
    ],
  });
}

describe('unconnected retry exits', () => {
  it('warns about a question and a choice whose exits lead nowhere, in the canvas words', () => {
    const found = validateFlow(flow(false)).filter((p) => p.code === 'retry-exit-unconnected');
    expect(found.map((p) => [p.nodeId, p.handle, p.severity])).toEqual([
      ['q', 'invalid', 'warning'],
      ['menu', 'noMatch', 'warning'],
    ]);
    expect(found[0]!.message).toBe(
      'The "Invalid answer" exit of the question "How many?" is not connected. After 2 wrong answers, the bot apologises and passes the conversation to your team (Flow settings → Conversation). Connect the exit to decide yourself.',
    );
    expect(found[1]!.message).toContain(`The "Didn't match" exit of the choice "Which?" is not connected. After 3 answers that match no option`);
  });

  it('says the conversation ends when the flow is set to end', () => {
    const [first] = validateFlow(flow(false, 'end')).filter((p) => p.code === 'retry-exit-unconnected');
    expect(first!.message).toContain('the bot apologises and ends the conversation');
  });

  it('is quiet when both exits are connected', () => {
    expect(validateFlow(flow(true)).filter((p) => p.code === 'retry-exit-unconnected')).toEqual([]);
  });
});

describe('exit labels', () => {
  it('the canvas shows the same exit names as the validator, in both languages', () => {
    for (const lng of ['en', 'pl'] as const) {
      const canvas = JSON.parse(readFileSync(path.join(root, `editor/src/i18n/locales/${lng}/canvas.json`), 'utf8'));
      expect(canvas.handles).toEqual(EXIT_LABELS[lng]);
    }
  });
});
