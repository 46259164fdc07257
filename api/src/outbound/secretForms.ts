/** base64 with the characters a given alphabet uses. */
function base64(bytes: Buffer, url: boolean): string {
  return bytes.toString(url ? 'base64url' : 'base64').replace(/=+$/, '');
}

/**
 * The stretches of base64 text that stand for the secret whatever precedes it: inside
 * `base64("user:" + secret)` (HTTP Basic) the secret's bytes may start at any of three
 * alignments, and only the characters made wholly of its own bits are fixed.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: string[] = [];
  for (const url of [false, true]) {
    for (let pad = 0; pad < 3; pad++) {
      const text = base64(Buffer.concat([Buffer.alloc(pad), bytes]), url);
      const start = pad === 0 ? 0 : pad + 1;
      const end = Math.floor(((pad + bytes.length) * 8) / 6);
      forms.push(text.slice(start, end));
    }
  }
  return forms;
}

// Shorter fragments than this would match ordinary text and blank out unrelated answers.
const MIN_FORM_LENGTH = 6;

/**
 * Every way a secret's value may reappear in a response or a log line: as it is, URL-encoded,
 * JSON-escaped, without control characters (as sent in a header), and base64 (standard and
 * URL-safe, at any alignment). Longest first, so a replacement never leaves part of a longer form.
 */
export function secretForms(value: string): string[] {
  if (value === '') return [];
  // eslint-disable-next-line no-control-regex
  const header = value.replace(/[\u0000-\u001f\u007f]/g, '');
  const exact = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), header];
  const encoded = base64Forms(value).filter((f) => f.length >= MIN_FORM_LENGTH);
  return [...new Set([...exact.filter((f) => f !== ''), ...encoded])].sort((a, b) => b.length - a.length);
}

export const REDACTED = '[secret]';

/** The text with every form of every secret replaced by `[secret]`. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of secretForms(secret)) out = out.replaceAll(form, REDACTED);
  }
  return out;
}
