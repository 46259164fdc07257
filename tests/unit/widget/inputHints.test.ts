import { describe, expect, it } from 'vitest';
import { inputKindSchema } from '../../../runtime/src/schema';
import { inputHint } from '../../../editor/src/widget/render/inputHints';

describe('widget keyboards per answer check', () => {
  it('gives digits and the Polish postcode a numeric keyboard in a text field, so leading zeros survive', () => {
    expect(inputHint('digits')).toEqual({ type: 'text', inputmode: 'numeric' });
    expect(inputHint('postcodePl')).toEqual({ type: 'text', inputmode: 'numeric' });
    expect(inputHint('phone').inputmode).toBe('tel');
    expect(inputHint('email').inputmode).toBe('email');
  });

  it("follows a number question's options: no minus-less keypad when negatives are accepted, no decimal key for whole numbers", () => {
    // A text field in every case: type=number would empty "12,5" in a dot-decimal browser.
    expect(inputHint('number')).toEqual({ type: 'text', autocomplete: 'off' });
    expect(inputHint('number', { allowDecimals: false })).toEqual({ type: 'text', autocomplete: 'off' });
    expect(inputHint('number', { allowNegative: false })).toEqual({ type: 'text', inputmode: 'decimal', autocomplete: 'off' });
    expect(inputHint('number', { allowNegative: false, allowDecimals: false })).toEqual({ type: 'text', inputmode: 'numeric', autocomplete: 'off' });
  });

  it('has a field type for every answer check', () => {
    for (const kind of inputKindSchema.options) expect(inputHint(kind).type).toMatch(/^(text|email|tel|number|date)$/);
  });
});
