import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { choice, condition, e, end, flow, handoff, message, n, only, question, set, start, ignoringRetryExits } from './build';

describe('variables maybe unset', () => {
  it('warns when a message uses a variable nothing sets', () => {
    const problems = validateFlow(
      flow([start(), message('m', 'Hello {{ name }}'), end()], [e('start', 'next', 'm'), e('m', 'next', 'end')]),
    );
    expect(only(problems, 'variable-maybe-unset')).toEqual([
      expect.objectContaining({ severity: 'warning', nodeId: 'm', message: expect.stringContaining('"name"') }),
    ]);
  });

  it('warns when the variable is only set after the use, or on another branch', () => {
    const menu = choice('c', ['Ask', 'Skip']);
    const problems = validateFlow(
      flow(
        [start(), menu, question('q', 'email'), message('thanks', 'Thanks {{email}}'), message('skip', 'Mail: {{email}}'), end()],
        [
          e('start', 'next', 'c'),
          e('c', 'c-o1', 'q'),
          e('q', 'next', 'thanks'),
          e('c', 'c-o2', 'skip'),
          e('thanks', 'next', 'end'),
          e('skip', 'next', 'end'),
        ],
      ),
    );
    expect(only(problems, 'variable-maybe-unset').map((p) => p.nodeId)).toEqual(['skip']);
  });

  it('does not count a question answered through its invalid output', () => {
    const problems = validateFlow(
      flow(
        [start(), question('q', 'email'), message('m', 'Got {{email}}'), end()],
        [e('start', 'next', 'q'), e('q', 'invalid', 'm'), e('q', 'next', 'end'), e('m', 'next', 'end')],
      ),
    );
    expect(only(problems, 'variable-maybe-unset').map((p) => p.nodeId)).toEqual(['m']);
  });

  it('accepts variables with a default, set by a set step, a choice, or set on some path', () => {
    const menu = choice('c', ['A', 'B'], { variable: 'topic' });
    const k = condition('k', [
      { id: 'b', label: 'VIP', match: 'all', rules: [{ variable: 'vip', op: 'equals', value: '{{tier}}' }] },
    ]);
    const problems = validateFlow(
      flow(
        [
          start(),
          set('s', [
            { variable: 'tier', value: 'gold' },
            { variable: 'total', value: 'tier_count * 2', mode: 'math' },
          ]),
          menu,
          k,
          handoff('h'),
          end('end', 'Bye {{topic}}'),
        ],
        [
          e('start', 'next', 's'),
          e('s', 'next', 'c'),
          e('c', 'c-o1', 'k'),
          e('c', 'c-o2', 'k'),
          e('k', 'b', 'h'),
          e('k', 'else', 'end'),
          e('h', 'resolved', 'end'),
          e('h', 'offline', 'end'),
        ],
        {
          variables: [
            { name: 'vip', type: 'boolean', default: false },
            { name: 'tier_count', type: 'number', default: 1 },
          ],
        },
      ),
    );
    expect(ignoringRetryExits(problems)).toEqual([]);
  });

  it('reads bare names in arithmetic and lets an assignment read an earlier one in the same step', () => {
    const s = set('s', [
      { variable: 'net', value: '100', mode: 'literal' },
      { variable: 'gross', value: 'net * rate', mode: 'math' },
    ]);
    const problems = validateFlow(flow([start(), s, end()], [e('start', 'next', 's'), e('s', 'next', 'end')]));
    expect(only(problems, 'variable-maybe-unset').map((p) => p.message)).toEqual([
      expect.stringContaining('"rate"'),
    ]);
  });

  it('ignores dotted host values and presence checks', () => {
    const k = condition('k', [{ id: 'b', label: 'Known', match: 'all', rules: [{ variable: 'email', op: 'isSet' }] }]);
    const problems = validateFlow(
      flow(
        [start(), message('m', 'Key {{secret.API_KEY}}'), k, end()],
        [e('start', 'next', 'm'), e('m', 'next', 'k'), e('k', 'b', 'end')],
      ),
    );
    expect(problems).toEqual([]);
  });

  it('counts a value set inside a loop as set when the loop comes round', () => {
    const counter = set('s', [{ variable: 'n', value: '{{n}} + 1', mode: 'math' }]);
    const ask = n('question', 'q', { text: 'Again? (try {{n}})', variable: 'again', inputKind: 'yesNo' });
    const problems = validateFlow(
      flow([start(), counter, ask, end()], [e('start', 'next', 's'), e('s', 'next', 'q'), e('q', 'next', 's'), e('q', 'invalid', 'end')]),
    );
    expect(only(problems, 'variable-maybe-unset')).toEqual([]);
  });
});
