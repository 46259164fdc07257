import { findSensitive, type MaskOptions, type SensitiveKind } from '../privacy/mask';

const EVERYTHING: MaskOptions = { cardNumbers: true, ibans: true, pesel: true, emails: true, phones: true };

const PLACEHOLDER: Record<SensitiveKind, string> = {
  email: '[email]',
  phone: '[phone]',
  cardNumber: '[card number]',
  iban: '[IBAN]',
  pesel: '[PESEL]',
};

/**
 * The customer's text as a language model may see it: every e-mail address, phone number, card
 * number (Luhn-checked), IBAN and PESEL number replaced by a placeholder naming its kind, with the
 * same detectors as stored-message masking (linear scans, no regular expressions). Nothing is kept
 * to fill the placeholders back in: the model answers about "[email]", and so does the answer.
 */
export function maskForModel(text: string): { text: string; masked: number } {
  const matches = findSensitive(text, EVERYTHING);
  if (matches.length === 0) return { text, masked: 0 };
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + PLACEHOLDER[m.kind];
    at = m.end;
  }
  return { text: out + text.slice(at), masked: matches.length };
}
