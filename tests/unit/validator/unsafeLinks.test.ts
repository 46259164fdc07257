import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { flow, linear, message, only } from './build';

function links(...urls: string[]) {
  const m = message('m', 'See:', { links: urls.map((url, i) => ({ label: `Link ${i + 1}`, url })) });
  const { nodes, edges } = linear(m);
  return only(validateFlow(flow(nodes, edges, { variables: [{ name: 'path', type: 'string', default: 'x' }] })), 'unsafe-link');
}

function image(url: string) {
  const { nodes, edges } = linear(message('m', 'Look', { image: { url, alt: 'Parcel' } }));
  return only(validateFlow(flow(nodes, edges)), 'unsafe-link');
}

describe('unsafe links', () => {
  it('reports javascript:, data: and scheme-less link addresses', () => {
    const found = links('javascript:alert(1)', 'data:text/html,hi', 'www.example.com', 'java\tscript:alert(1)');
    expect(found).toHaveLength(4);
    expect(found[0]).toMatchObject({ severity: 'error', nodeId: 'm' });
    expect(found[0]!.message).toContain(`'Link 1'`);
  });

  it('accepts http, https, mailto and tel links, including with variables', () => {
    expect(
      links('https://shop.example.com', 'HTTP://example.com', 'mailto:help@example.com', 'tel:+48123456789', 'https://x.example/{{path}}'),
    ).toEqual([]);
  });

  it('allows only http and https images', () => {
    expect(image('https://cdn.example.com/a.png')).toEqual([]);
    expect(image('mailto:someone@example.com')).toHaveLength(1);
    expect(image('data:image/png;base64,AAAA')).toHaveLength(1);
  });
});
