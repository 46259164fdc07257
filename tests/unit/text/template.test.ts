import { describe, expect, it } from 'vitest';
import { compileTemplate, fillTemplate, renderTemplate, templateVariables } from '../../../runtime/src/text/template';
import type { VariableValue } from '../../../runtime/src/schema';

const vars: Record<string, VariableValue> = { name: 'Ala', count: 3, vip: true, nothing: null, price: 12.5 };
const lookup = (n: string) => (Object.hasOwn(vars, n) ? vars[n] : undefined);

describe('renderTemplate', () => {
  it('fills placeholders, with or without spaces inside the braces', () => {
    expect(renderTemplate('Hi {{name}}, you have {{ count }} items', lookup)).toBe('Hi Ala, you have 3 items');
  });

  it('renders numbers and booleans plainly', () => {
    expect(renderTemplate('{{price}} / {{vip}}', lookup)).toBe('12.5 / true');
  });

  it('renders missing and null variables as nothing, never "undefined"', () => {
    const out = renderTemplate('[{{missing}}][{{nothing}}]', lookup);
    expect(out).toBe('[][]');
    expect(out).not.toContain('undefined');
  });

  it('leaves text that is not a valid placeholder alone', () => {
    expect(renderTemplate('{{ not valid }} {{1abc}} {single}', lookup)).toBe('{{ not valid }} {{1abc}} {single}');
  });

  it('does not read Object.prototype members when the lookup is own-property based', () => {
    expect(renderTemplate('{{constructor}}{{toString}}', lookup)).toBe('');
  });
});

describe('templateVariables', () => {
  it('lists referenced names once each, in order', () => {
    expect(templateVariables('{{a}} {{ b }} {{a}} {{c_1}}')).toEqual(['a', 'b', 'c_1']);
    expect(templateVariables('no placeholders')).toEqual([]);
  });
});

describe('compileTemplate', () => {
  it('is null for a text without placeholders, which is used as it is', () => {
    expect(compileTemplate('Hello there')).toBeNull();
    expect(compileTemplate('{{ not valid }} {single}')).toBeNull();
  });

  it('splits a text at its placeholders, keeping the literal text around them', () => {
    expect(compileTemplate('{{a}} and {{ b }}!')).toEqual({ literals: ['', ' and ', '!'], names: ['a', 'b'] });
    expect(compileTemplate('{{a}}{{a}}')).toEqual({ literals: ['', '', ''], names: ['a', 'a'] });
  });

  it('fills to the same text renderTemplate gives, with the lookup context passed through', () => {
    const text = 'Hi {{name}} ({{count}}), {{missing}}{{nothing}}. {{ vip }}';
    const seen: string[] = [];
    const out = fillTemplate(compileTemplate(text)!, (ctx: Record<string, VariableValue>, n) => {
      seen.push(n);
      return Object.hasOwn(ctx, n) ? ctx[n] : undefined;
    }, vars);
    expect(out).toBe(renderTemplate(text, lookup));
    expect(out).toBe('Hi Ala (3), . true');
    expect(seen).toEqual(['name', 'count', 'missing', 'nothing', 'vip']);
  });
});
