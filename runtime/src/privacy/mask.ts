/**
 * Finds and masks personal data in free text: payment card numbers (Luhn-checked), IBANs
 * (ISO 13616 mod-97 checked), Polish PESEL numbers (checksum-checked), e-mail addresses and
 * phone numbers. Browser-safe and dependency-free so the widget preview, the server and later
 * the text sent to language models all use the same rules.
 *
 * Every detector scans by hand with bounded look-around, never a regular expression, so the
 * cost is linear in the text's length whatever a customer types.
 */

export type SensitiveKind = 'cardNumber' | 'iban' | 'pesel' | 'email' | 'phone';

export interface MaskOptions {
  cardNumbers: boolean;
  ibans: boolean;
  pesel: boolean;
  emails: boolean;
  phones: boolean;
}

export const NO_MASKING: MaskOptions = { cardNumbers: false, ibans: false, pesel: false, emails: false, phones: false };

export interface SensitiveMatch {
  kind: SensitiveKind;
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

const MAX_EMAIL_LOCAL = 64;
const MAX_EMAIL_DOMAIN = 253;
const MAX_IBAN_CHARS = 34;
const MIN_IBAN_CHARS = 15;
/** Longer digit runs are neither cards nor phones; scanning stops there instead of growing. */
const MAX_NUMBER_RUN = 40;

export function anyMasking(options: MaskOptions): boolean {
  return options.cardNumbers || options.ibans || options.pesel || options.emails || options.phones;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isLetter = (c: number) => isUpper(c) || isLower(c);
const isAsciiAlnum = (c: number) => isDigit(c) || isLetter(c);
/** Letters of any script count as word characters, so "abc1234567890" is one word. */
function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (isAsciiAlnum(c) || c === 95) return true;
  return c > 127 && text[i]!.toLowerCase() !== text[i]!.toUpperCase();
}

const isLocalChar = (c: number) => isAsciiAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45; // . _ % + -
const isDomainChar = (c: number) => isAsciiAlnum(c) || c === 46 || c === 45; // . -

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

export function peselValid(digits: string): boolean {
  if (digits.length !== 11) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * PESEL_WEIGHTS[i]!;
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(10) - 48;
}

/** ISO 13616: move the first four characters to the end, letters become 10..35, mod 97 must be 1. */
export function ibanValid(compact: string): boolean {
  if (compact.length < MIN_IBAN_CHARS || compact.length > MAX_IBAN_CHARS) return false;
  const upper = compact.toUpperCase();
  if (!isUpper(upper.charCodeAt(0)) || !isUpper(upper.charCodeAt(1)) || !isDigit(upper.charCodeAt(2)) || !isDigit(upper.charCodeAt(3))) {
    return false;
  }
  const rearranged = upper.slice(4) + upper.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (isDigit(c)) remainder = (remainder * 10 + (c - 48)) % 97;
    else if (isUpper(c)) remainder = (remainder * 100 + (c - 55)) % 97;
    else return false;
  }
  return remainder === 1;
}

/** Every e-mail address: `local@domain.tld`, with the local part and domain bounded by RFC limits. */
function findEmails(text: string, out: SensitiveMatch[]): void {
  let from = 0;
  for (;;) {
    const at = text.indexOf('@', from);
    if (at === -1) return;
    from = at + 1;
    let start = at;
    while (start > 0 && at - start < MAX_EMAIL_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
    while (start < at && text.charCodeAt(start) === 46) start++; // a local part does not start with "."
    if (start === at) continue;
    let end = at + 1;
    while (end < text.length && end - at - 1 < MAX_EMAIL_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--; // "a@b.pl." ends a sentence
    const domain = text.slice(at + 1, end);
    const dot = domain.lastIndexOf('.');
    if (dot <= 0) continue;
    const tld = domain.slice(dot + 1);
    let letters = tld.length >= 2;
    for (let i = 0; i < tld.length && letters; i++) letters = isLetter(tld.charCodeAt(i));
    if (!letters) continue;
    out.push({ kind: 'email', start, end });
    from = end;
  }
}

/** IBANs written compact (PL61109010140000071219812874) or in groups of four separated by single spaces. */
function findIbans(text: string, out: SensitiveMatch[]): void {
  for (let i = 0; i + 3 < text.length; i++) {
    if (!isLetter(text.charCodeAt(i)) || !isLetter(text.charCodeAt(i + 1))) continue;
    if (!isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) continue;
    if (isWordChar(text, i - 1)) continue;
    // Collect up to 34 characters, remembering where each ends in the text, then take the
    // longest prefix that passes the checksum and ends at a word boundary.
    let compact = '';
    const ends: number[] = [];
    let j = i;
    while (j < text.length && compact.length < MAX_IBAN_CHARS) {
      const c = text.charCodeAt(j);
      if (isAsciiAlnum(c)) {
        compact += text[j];
        ends.push(j + 1);
        j++;
      } else if (c === 32 && j + 1 < text.length && isAsciiAlnum(text.charCodeAt(j + 1))) {
        j++;
      } else break;
    }
    for (let n = compact.length; n >= MIN_IBAN_CHARS; n--) {
      const end = ends[n - 1]!;
      if (isWordChar(text, end)) continue;
      if (ibanValid(compact.slice(0, n))) {
        out.push({ kind: 'iban', start: i, end });
        i = end - 1;
        break;
      }
    }
  }
}

const isNumberSeparator = (c: number) => c === 32 || c === 45 || c === 40 || c === 41 || c === 47; // space - ( ) /

/**
 * Runs of digits with at most two separator characters between groups ("4111 1111 1111 1111",
 * "+48 600-100-200", "(22) 123 45 67"), classified as a card, a PESEL or a phone number.
 */
function findNumbers(text: string, options: MaskOptions, out: SensitiveMatch[]): void {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const plus = c === 43 && i + 1 < text.length && isDigit(text.charCodeAt(i + 1));
    const paren = c === 40 && i + 1 < text.length && isDigit(text.charCodeAt(i + 1));
    if (!(isDigit(c) || plus || paren) || isWordChar(text, i - 1)) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    let separated = false;
    let j = plus || paren ? i + 1 : i;
    let end = j;
    while (j < text.length && j - start <= MAX_NUMBER_RUN) {
      const d = text.charCodeAt(j);
      if (isDigit(d)) {
        digits += text[j];
        j++;
        end = j;
        continue;
      }
      // Up to two separators, then a digit must follow.
      let k = j;
      while (k < text.length && k - j < 2 && isNumberSeparator(text.charCodeAt(k))) k++;
      if (k === j || k >= text.length || !isDigit(text.charCodeAt(k))) break;
      separated = true;
      j = k;
    }
    if (j - start > MAX_NUMBER_RUN) {
      // Too long for any kind: skip the rest of the run so no tail of it is read as a phone.
      while (j < text.length && (isDigit(text.charCodeAt(j)) || (isNumberSeparator(text.charCodeAt(j)) && isDigit(text.charCodeAt(j + 1))))) j++;
      i = j;
      continue;
    }
    if (!isWordChar(text, end)) {
      const kind = classifyNumber(digits, separated, plus, options);
      if (kind) out.push({ kind, start, end });
    }
    i = Math.max(end, i + 1);
  }
}

function classifyNumber(digits: string, separated: boolean, plus: boolean, options: MaskOptions): SensitiveKind | null {
  const n = digits.length;
  if (options.pesel && !separated && !plus && n === 11 && peselValid(digits)) return 'pesel';
  if (options.cardNumbers && !plus && n >= 13 && n <= 19 && luhnValid(digits)) return 'cardNumber';
  if (options.phones && n >= 9 && n <= 15) return 'phone';
  return null;
}

/**
 * Sensitive spans in `text`, ordered by position and never overlapping: e-mail addresses win
 * over the numbers inside them, IBANs over the digits they contain.
 */
export function findSensitive(text: string, options: MaskOptions): SensitiveMatch[] {
  const found: SensitiveMatch[] = [];
  if (options.emails) findEmails(text, found);
  if (options.ibans) findIbans(text, found);
  if (options.cardNumbers || options.pesel || options.phones) findNumbers(text, options, found);
  found.sort((a, b) => a.start - b.start || PRIORITY[a.kind] - PRIORITY[b.kind]);
  const kept: SensitiveMatch[] = [];
  for (const m of found) {
    const last = kept.at(-1);
    if (!last || m.start >= last.end) kept.push(m);
    else if (PRIORITY[m.kind] < PRIORITY[last.kind]) kept[kept.length - 1] = m;
  }
  return kept;
}

const PRIORITY: Record<SensitiveKind, number> = { email: 0, iban: 1, cardNumber: 2, pesel: 3, phone: 4 };

/** How many trailing characters of each kind stay readable, so an agent can still tell two cards apart. */
const KEEP_TAIL: Record<SensitiveKind, number> = { cardNumber: 4, iban: 4, pesel: 0, email: 0, phone: 2 };

/**
 * The span with its letters and digits replaced by `*`, separators kept: a card keeps its last
 * four digits, an IBAN its country code and last four, a phone its last two, an e-mail its
 * domain and, when the part before "@" has at least four characters, its first character.
 */
export function maskSpan(span: string, kind: SensitiveKind): string {
  if (kind === 'email') {
    const at = span.indexOf('@');
    // "j***@" hides how long the local part is; a local part shorter than that pattern is
    // starred in full instead, so masking never lengthens text and never keeps half of "jo@".
    const local = at >= 4 ? `${span[0]}***` : '*'.repeat(at);
    return `${local}${span.slice(at)}`;
  }
  let keepFrom = span.length;
  for (let seen = 0; keepFrom > 0 && seen < KEEP_TAIL[kind]; ) {
    keepFrom--;
    if (isAsciiAlnum(span.charCodeAt(keepFrom))) seen++;
  }
  const keepHead = kind === 'iban' ? 2 : 0;
  let out = '';
  for (let i = 0; i < span.length; i++) {
    const c = span.charCodeAt(i);
    out += i >= keepHead && i < keepFrom && isAsciiAlnum(c) ? '*' : span[i];
  }
  return out;
}

export function maskText(text: string, options: MaskOptions): string {
  if (!anyMasking(options)) return text;
  const matches = findSensitive(text, options);
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + maskSpan(text.slice(m.start, m.end), m.kind);
    at = m.end;
  }
  return out + text.slice(at);
}
