import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { flow, linear, message, only } from './build';

function check(data: Parameters<typeof message>[2], text: string) {
  const { nodes, edges } = linear(message('m', text, data));
  return only(validateFlow(flow(nodes, edges)), 'empty-message');
}

describe('empty messages', () => {
  it('warns about a message with only whitespace and nothing else', () => {
    expect(check({}, '  \n ')).toEqual([expect.objectContaining({ severity: 'warning', nodeId: 'm' })]);
    expect(check({ links: [] }, '')).toHaveLength(1);
  });

  it('accepts a message with text, an image or links', () => {
    expect(check({}, 'Hi')).toEqual([]);
    expect(check({ image: { url: 'https://cdn.example.com/a.png', alt: '' } }, '')).toEqual([]);
    expect(check({ links: [{ label: 'Help', url: 'https://example.com' }] }, '')).toEqual([]);
  });
});
