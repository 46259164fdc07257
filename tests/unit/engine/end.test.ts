import { describe, expect, it } from 'vitest';
import { begin, eventNamed, eventNames, flowOf, startTo, texts } from './helpers';

function endFlow(text?: string) {
  return flowOf({
    variables: [{ name: 'name', type: 'string', default: 'Ola' }],
    nodes: [...startTo('end').nodes, { id: 'end', type: 'end', data: text === undefined ? {} : { text } }],
    edges: startTo('end').edges,
  });
}

describe('end node', () => {
  it('says its rendered text and completes', () => {
    const r = begin(endFlow('Bye {{name}}!'));
    expect(texts(r)).toEqual(['Bye Ola!']);
    expect(r.session.status).toBe('completed');
    expect(r.session.nodeId).toBeNull();
    expect(eventNamed(r, 'completed')?.nodeId).toBe('end');
    expect(r.input).toEqual({ type: 'none' });
  });

  it('completes silently without text', () => {
    const r = begin(endFlow());
    expect(r.outputs).toEqual([]);
    expect(eventNames(r).at(-1)).toBe('completed');
  });
});
