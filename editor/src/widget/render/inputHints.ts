import type { InputKind } from '@switchboard/runtime';

export interface InputHint {
  type: string;
  inputmode?: string;
  autocomplete?: string;
}

/** The field type and on-screen keyboard that fit each kind of question. */
export function inputHint(kind: InputKind): InputHint {
  switch (kind) {
    case 'email':
      return { type: 'email', inputmode: 'email', autocomplete: 'email' };
    case 'phone':
      return { type: 'tel', inputmode: 'tel', autocomplete: 'tel' };
    case 'number':
      return { type: 'number', inputmode: 'decimal' };
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
