import type { InputKind, InputRequest } from '@switchboard/runtime';

export interface InputHint {
  type: string;
  inputmode?: string;
  autocomplete?: string;
}

type NumberOptions = Pick<Extract<InputRequest, { type: 'text' }>, 'allowNegative' | 'allowDecimals'>;

/**
 * The keyboard for a number question. Always a text field: `type=number` empties "12,5" in a
 * browser whose locale writes decimals with a dot, although the answer check accepts it. Phone
 * keypads for `numeric`/`decimal` have no minus sign on iOS, so a question that accepts negative
 * numbers keeps the full keyboard.
 */
function numberHint(options: NumberOptions): InputHint {
  if (options.allowNegative !== false) return { type: 'text', autocomplete: 'off' };
  return { type: 'text', inputmode: options.allowDecimals === false ? 'numeric' : 'decimal', autocomplete: 'off' };
}

/** The field type and on-screen keyboard that fit each kind of question. */
export function inputHint(kind: InputKind, numberOptions: NumberOptions = {}): InputHint {
  switch (kind) {
    case 'email':
      return { type: 'email', inputmode: 'email', autocomplete: 'email' };
    case 'phone':
      return { type: 'tel', inputmode: 'tel', autocomplete: 'tel' };
    case 'number':
      return numberHint(numberOptions);
    case 'digits':
    case 'postcodePl':
      // A text field, not type=number: leading zeros and the postcode's hyphen must survive.
      return { type: 'text', inputmode: 'numeric' };
    case 'orderNumber':
      return { type: 'text', autocomplete: 'off' };
    case 'date':
      return { type: 'date' };
    case 'yesNo':
    case 'text':
      return { type: 'text' };
  }
}
