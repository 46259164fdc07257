import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bodyTemplateProblem,
  fillJsonTemplate,
  prepareRequest,
  secretReferences,
  type HttpRequestSpec,
} from '../../../runtime/src/http';

const spec = (over: Partial<HttpRequestSpec> = {}): HttpRequestSpec => ({
  method: 'POST',
  url: 'https://shop.example.com/orders/{{order}}?lang={{lang}}',
  headers: [{ name: 'Authorization', value: 'Bearer {{secret.SHOP_TOKEN}}' }],
  body: '{"order": "{{order}}", "qty": {{qty}}, "note": "Order {{order}} for {{name}}"}',
  responseMapping: [],
  ...over,
});

describe('prepareRequest', () => {
  it('fills variables and leaves secret references as placeholders', () => {
    const r = prepareRequest(spec(), { order: 'A-17', lang: 'pl', qty: 2, name: 'Ola' }, ['SHOP_TOKEN']);
    expect(r.url).toBe('https://shop.example.com/orders/A-17?lang=pl');
    expect(r.headers).toContainEqual({ name: 'Authorization', value: 'Bearer {{secret.SHOP_TOKEN}}' });
    expect(JSON.parse(r.body!)).toEqual({ order: 'A-17', qty: 2, note: 'Order A-17 for Ola' });
    expect(r.secrets).toEqual(['SHOP_TOKEN']);
    expect(r.missingSecrets).toEqual([]);
  });

  it('URL-encodes variable values in the path and the query', () => {
    const r = prepareRequest(spec(), { order: '../admin?x=1#', lang: 'a&b=c d' }, []);
    expect(r.url).toBe('https://shop.example.com/orders/..%2Fadmin%3Fx%3D1%23?lang=a%26b%3Dc%20d');
    const url = new URL(r.url);
    expect(url.pathname).toBe('/orders/..%2Fadmin%3Fx%3D1%23');
    expect([...url.searchParams.keys()]).toEqual(['lang']);
    expect(url.searchParams.get('lang')).toBe('a&b=c d');
  });

  it('keeps a customer answer inside its JSON string', () => {
    const evil = '", "admin": true, "x": "';
    const r = prepareRequest(spec(), { order: evil, qty: 1, name: 'a\\"b\n' }, []);
    const body = JSON.parse(r.body!);
    expect(Object.keys(body)).toEqual(['order', 'qty', 'note']);
    expect(body.order).toBe(evil);
    expect(body.note).toBe(`Order ${evil} for a\\"b\n`);
  });

  it('turns a bare placeholder into a JSON value that cannot add fields', () => {
    const r = prepareRequest(spec(), { order: 'A', qty: '1, "admin": true', name: '' }, []);
    expect(JSON.parse(r.body!)).toEqual({ order: 'A', qty: '1, "admin": true', note: 'Order A for ' });
    const typed = fillJsonTemplate('[{{n}}, {{b}}, {{missing}}, {{nan}}]', (name) => ({ n: 4.5, b: false, nan: Number.NaN })[name]);
    expect(JSON.parse(typed)).toEqual([4.5, false, null, null]);
  });

  it('never lets a customer answer spell a secret placeholder', () => {
    const forged = '{{secret.SHOP_TOKEN}}';
    const r = prepareRequest(
      spec({ headers: [{ name: 'X-Customer', value: '{{name}}' }] }),
      { order: forged, lang: forged, qty: forged, name: forged },
      ['SHOP_TOKEN'],
    );
    expect(r.secrets).toEqual([]);
    expect(secretReferences(r.url + r.body + JSON.stringify(r.headers))).toEqual([]);
    // Still the customer's text once the JSON is read.
    expect(JSON.parse(r.body!).order).toBe(forged);
  });

  it('drops line breaks from header values so a variable cannot add a header', () => {
    const r = prepareRequest(spec({ headers: [{ name: 'X-Name', value: '{{name}}' }] }), { name: 'Ola\r\nX-Admin: 1' }, []);
    expect(r.headers).toContainEqual({ name: 'X-Name', value: 'Ola  X-Admin: 1' });
  });

  it('quotes a secret standing for a whole JSON value, so the host fills it escaped', () => {
    const r = prepareRequest(spec({ body: '{"key": {{secret.API_KEY}}, "inner": "k={{ secret.API_KEY }}"}' }), {}, []);
    expect(r.body).toBe('{"key": "{{secret.API_KEY}}", "inner": "k={{secret.API_KEY}}"}');
    expect(r.missingSecrets).toEqual(['SHOP_TOKEN', 'API_KEY']);
  });

  it('sends no body with GET, adds JSON headers, and applies the limits', () => {
    const get = prepareRequest(spec({ method: 'GET', timeoutMs: 120_000, maxResponseBytes: 50 * 1024 * 1024 }), {}, ['SHOP_TOKEN']);
    expect(get.body).toBeUndefined();
    expect(get.headers.map((h) => h.name)).toEqual(['Authorization', 'Accept']);
    expect(get.timeoutMs).toBe(30_000);
    expect(get.maxResponseBytes).toBe(2 * 1024 * 1024);

    const post = prepareRequest(spec({ headers: [{ name: 'content-type', value: 'application/vnd.api+json' }] }), {}, []);
    expect(post.headers).toEqual([
      { name: 'content-type', value: 'application/vnd.api+json' },
      { name: 'Accept', value: 'application/json' },
    ]);
    expect(post.timeoutMs).toBe(5_000);
    expect(post.maxResponseBytes).toBe(256 * 1024);
  });

  it('does not read variables from the prototype chain', () => {
    const r = prepareRequest(spec({ url: 'https://x.example/{{constructor}}{{toString}}' }), {}, []);
    expect(r.url).toBe('https://x.example/');
  });

  it('keeps any string value inside its JSON string (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const body = fillJsonTemplate('{"a": "x{{a}}y", "b": {{b}}}', (name) => (name === 'a' ? a : b));
        const parsed = JSON.parse(body);
        return Object.keys(parsed).join() === 'a,b' && parsed.a === `x${a}y` && parsed.b === b && secretReferences(body).length === 0;
      }),
    );
  });
});

describe('bodyTemplateProblem', () => {
  it('accepts templates that are JSON whatever the variables hold', () => {
    expect(bodyTemplateProblem('{"a": "{{x}}", "n": {{n}}, "k": {{secret.KEY}}}')).toBeNull();
    expect(bodyTemplateProblem('')).toBeNull();
  });

  it('explains a template that is not JSON', () => {
    expect(bodyTemplateProblem('{"a": {{x}}')).toMatch(/not valid JSON/);
    expect(bodyTemplateProblem("{'a': 1}")).toMatch(/not valid JSON/);
  });
});
