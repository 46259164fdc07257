import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  findSensitive,
  ibanValid,
  luhnValid,
  maskText,
  NO_MASKING,
  peselValid,
  type MaskOptions,
} from '../../../runtime/src/privacy/mask';

const ALL: MaskOptions = { cardNumbers: true, ibans: true, pesel: true, emails: true, phones: true };
const only = (key: keyof MaskOptions): MaskOptions => ({ ...NO_MASKING, [key]: true });

describe('checksums', () => {
  it('Luhn accepts real test card numbers and refuses a changed digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('5555555555554444')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('IBAN mod-97 accepts published examples and refuses a typo', () => {
    expect(ibanValid('PL61109010140000071219812874')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('PL61109010140000071219812875')).toBe(false);
  });

  it('PESEL checksum', () => {
    expect(peselValid('44051401359')).toBe(true);
    expect(peselValid('44051401358')).toBe(false);
    expect(peselValid('4405140135')).toBe(false);
  });
});

describe('maskText', () => {
  it('masks a card number but keeps its last four digits and separators', () => {
    expect(maskText('my card is 4111 1111 1111 1111, thanks', only('cardNumbers'))).toBe('my card is **** **** **** 1111, thanks');
    expect(maskText('4111-1111-1111-1111', only('cardNumbers'))).toBe('****-****-****-1111');
  });

  it('leaves a number that fails the Luhn check alone', () => {
    expect(maskText('order 4111 1111 1111 1112', only('cardNumbers'))).toBe('order 4111 1111 1111 1112');
  });

  it('masks an IBAN, grouped or compact, keeping the country and last four', () => {
    expect(maskText('IBAN: PL61 1090 1014 0000 0712 1981 2874 please', only('ibans'))).toBe(
      'IBAN: PL** **** **** **** **** **** 2874 please',
    );
    expect(maskText('de89370400440532013000', only('ibans'))).toBe('de****************3000');
    expect(maskText('PL61 1090 1014 0000 0712 1981 2875', only('ibans'))).toBe('PL61 1090 1014 0000 0712 1981 2875');
  });

  it('masks a valid PESEL only', () => {
    expect(maskText('PESEL 44051401359.', only('pesel'))).toBe('PESEL ***********.');
    expect(maskText('PESEL 44051401358.', only('pesel'))).toBe('PESEL 44051401358.');
  });

  it('masks e-mail addresses keeping the first character and the domain', () => {
    expect(maskText('write to jan.kowalski@example.pl.', only('emails'))).toBe('write to j***@example.pl.');
    expect(maskText('not an address: a@b, @example.com, x@localhost', only('emails'))).toBe(
      'not an address: a@b, @example.com, x@localhost',
    );
  });

  it('masks phone numbers in common Polish and international forms', () => {
    expect(maskText('call +48 600 100 200 now', only('phones'))).toBe('call +** *** *** *00 now');
    expect(maskText('tel. 600-100-200', only('phones'))).toBe('tel. ***-***-*00');
    expect(maskText('(22) 123 45 67', only('phones'))).toBe('(**) *** ** 67');
    expect(maskText('room 12, 2026-12-06, 1234', only('phones'))).toBe('room 12, 2026-12-06, 1234');
  });

  it('does nothing for kinds that are off', () => {
    const text = 'jan@example.pl 4111 1111 1111 1111 44051401359 +48 600 100 200';
    expect(maskText(text, NO_MASKING)).toBe(text);
    expect(maskText(text, only('emails'))).toBe('***@example.pl 4111 1111 1111 1111 44051401359 +48 600 100 200');
  });

  it('prefers the more specific kind when spans overlap', () => {
    expect(findSensitive('44051401359', ALL).map((m) => m.kind)).toEqual(['pesel']);
    expect(findSensitive('4111111111111111', ALL).map((m) => m.kind)).toEqual(['cardNumber']);
    expect(findSensitive('600100200@example.com', ALL).map((m) => m.kind)).toEqual(['email']);
  });

  it('does not read digits inside a word as a number', () => {
    expect(maskText('ref ABC600100200 and 600100200xyz', ALL)).toBe('ref ABC600100200 and 600100200xyz');
  });

  it('never makes text longer or loses characters outside the masked spans', () => {
    const NO_EMAILS = { ...ALL, emails: false };
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(maskText(text, ALL).length).toBeLessThanOrEqual(text.length);
        // Without e-mails every kind keeps its span's length, so positions line up one to one.
        const masked = maskText(text, NO_EMAILS);
        expect(masked.length).toBe(text.length);
        const spans = findSensitive(text, NO_EMAILS);
        for (let i = 0, s = 0; i < text.length; i++) {
          while (s < spans.length && spans[s]!.end <= i) s++;
          const inside = s < spans.length && spans[s]!.start <= i;
          if (!inside) expect(masked[i]).toBe(text[i]);
        }
      }),
    );
  });

  it('masks an e-mail by its domain only, never lengthening a short local part', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.string({ maxLength: 120 }), (before, after) => {
        const text = `${before} ${after}`;
        const masked = maskText(text, only('emails'));
        const spans = findSensitive(text, only('emails'));
        let rebuilt = '';
        let at = 0;
        for (const span of spans) {
          const email = text.slice(span.start, span.end);
          const domain = email.slice(email.indexOf('@'));
          const local = email.slice(0, email.indexOf('@'));
          rebuilt += text.slice(at, span.start) + (local.length >= 4 ? `${local[0]!}***` : '*'.repeat(local.length)) + domain;
          at = span.end;
        }
        expect(masked).toBe(rebuilt + text.slice(at));
      }),
    );
    // Found by the property above (seed -616214631): "A@0.AA" came out as "A***@0.AA".
    expect(maskText('A@0.AA', only('emails'))).toBe('*@0.AA');
    expect(maskText('write to jo@example.pl', only('emails'))).toBe('write to **@example.pl');
    expect(maskText('abc@example.pl', only('emails'))).toBe('***@example.pl');
    expect(maskText('anna@example.pl', only('emails'))).toBe('a***@example.pl');
  });

  it('finishes on hostile input of a megabyte (no backtracking)', () => {
    const hostile = [
      '1 '.repeat(500_000),
      'a'.repeat(1_000_000) + '@',
      '@'.repeat(1_000_000),
      'PL12 '.repeat(200_000),
      '.@a'.repeat(300_000),
      '(1'.repeat(500_000),
    ];
    for (const text of hostile) expect(typeof maskText(text, ALL)).toBe('string');
  });
});
