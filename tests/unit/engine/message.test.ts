import { describe, expect, it } from 'vitest';
import type { MessageData } from '../../../runtime/src/schema';
import { begin, edge, eventNames, flowOf, startTo } from './helpers';

function run(data: MessageData, variables: { name: string; type: 'string' | 'number' | 'boolean'; default?: string | number | boolean }[] = []) {
  return begin(flowOf({ variables, nodes: [...startTo('m').nodes, { id: 'm', type: 'message', data }], edges: startTo('m').edges }));
}

describe('message node', () => {
  it('renders templates with declared defaults and nothing for unknown names', () => {
    const r = run({ text: 'Hi {{ name }}, order {{order}} costs {{price}}; vip={{vip}}{{ghost}}' }, [
      { name: 'name', type: 'string', default: 'there' },
      { name: 'order', type: 'string' },
      { name: 'price', type: 'number', default: 9.99 },
      { name: 'vip', type: 'boolean', default: false },
    ]);
    expect(r.outputs).toEqual([{ type: 'text', nodeId: 'm', text: 'Hi there, order  costs 9.99; vip=false' }]);
    expect(JSON.stringify(r.outputs)).not.toContain('undefined');
  });

  it('sends no text output for an empty text, but still continues', () => {
    const r = run({ text: '   ' });
    expect(r.outputs).toEqual([]);
    expect(r.session.status).toBe('completed');
    expect(eventNames(r)).toContain('completed');
  });

  it('outputs text, then an http(s) image, then allowed links in order', () => {
    const r = run({
      text: 'See',
      image: { url: 'https://cdn.example.com/a.png', alt: 'A' },
      links: [
        { label: 'Shop', url: 'https://shop.example.com' },
        { label: 'Mail', url: 'mailto:help@example.com' },
        { label: 'Call', url: 'tel:+48600100200' },
        { label: 'Plain', url: 'http://example.com' },
      ],
    });
    expect(r.outputs.map((o) => o.type)).toEqual(['text', 'image', 'links']);
    expect(r.outputs[1]).toEqual({ type: 'image', nodeId: 'm', url: 'https://cdn.example.com/a.png', alt: 'A' });
    expect(r.outputs[2]).toEqual({
      type: 'links',
      nodeId: 'm',
      links: [
        { label: 'Shop', url: 'https://shop.example.com' },
        { label: 'Mail', url: 'mailto:help@example.com' },
        { label: 'Call', url: 'tel:+48600100200' },
        { label: 'Plain', url: 'http://example.com' },
      ],
    });
  });

  it('drops images and links with other schemes', () => {
    const r = run({
      text: 'x',
      image: { url: 'data:image/png;base64,AAAA', alt: '' },
      links: [
        { label: 'bad', url: 'javascript:alert(1)' },
        { label: 'bad2', url: 'JaVaScRiPt:alert(1)' },
        { label: 'file', url: 'file:///etc/passwd' },
        { label: 'ftp', url: 'ftp://example.com' },
        { label: 'ok', url: 'HTTPS://example.com' },
      ],
    });
    expect(r.outputs.map((o) => o.type)).toEqual(['text', 'links']);
    expect(r.outputs[1]).toMatchObject({ links: [{ label: 'ok', url: 'HTTPS://example.com' }] });
  });

  it('renders templates in link URLs and checks the scheme afterwards', () => {
    const r = run(
      {
        text: 'x',
        links: [
          { label: 'Order {{id}}', url: 'https://shop.example.com/orders/{{id}}' },
          { label: 'Injected', url: '{{target}}' },
        ],
      },
      [
        { name: 'id', type: 'string', default: '42' },
        { name: 'target', type: 'string', default: 'javascript:alert(1)' },
      ],
    );
    expect(r.outputs[1]).toMatchObject({ links: [{ label: 'Order 42', url: 'https://shop.example.com/orders/42' }] });
  });

  it('omits the links output when no link is allowed', () => {
    const r = run({ text: 'x', links: [{ label: 'bad', url: 'javascript:void 0' }] });
    expect(r.outputs.map((o) => o.type)).toEqual(['text']);
  });

  it('follows next', () => {
    const f = flowOf({
      nodes: [...startTo('a').nodes, { id: 'a', type: 'message', data: { text: 'one' } }, { id: 'b', type: 'message', data: { text: 'two' } }],
      edges: [...startTo('a').edges, edge('a', 'b', 'next')],
    });
    expect(begin(f).outputs.map((o) => (o.type === 'text' ? o.text : ''))).toEqual(['one', 'two']);
  });
});
