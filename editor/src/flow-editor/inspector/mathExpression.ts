import { parseMath } from '@switchboard/runtime';
import type { FieldError } from './validation';

type Token = { kind: 'num' | 'ident' | 'op' | 'lparen' | 'rparen'; text: string; at: number };

function tokenize(src: string): Token[] | FieldError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const num = /^(\d+(\.\d+)?|\.\d+)/.exec(rest);
    const tpl = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/.exec(rest);
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (num) {
      tokens.push({ kind: 'num', text: num[0], at: i });
      i += num[0].length;
    } else if (tpl) {
      tokens.push({ kind: 'ident', text: tpl[1]!, at: i });
      i += tpl[0].length;
    } else if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], at: i });
      i += ident[0].length;
    } else if ('+-*/%'.includes(ch)) {
      tokens.push({ kind: 'op', text: ch, at: i });
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', text: ch, at: i });
      i++;
    } else {
      return { key: 'errors.mathChar', values: { char: ch, position: i + 1 } };
    }
  }
  return tokens;
}

/**
 * The engine's parser decides whether a `math` assignment is valid; this walk over the same
 * grammar only explains why not, in the user's language, with a position.
 */
export function mathExpressionError(src: string): FieldError {
  const verdict = parseMath(src);
  if (verdict.ok) return null;
  return explainMathError(src) ?? { key: 'errors.mathInvalid', values: { detail: verdict.message } };
}

function explainMathError(src: string): FieldError {
  if (src.trim() === '') return { key: 'errors.mathEmpty', values: { example: '{{count}} + 1' } };
  const lexed = tokenize(src);
  if (!Array.isArray(lexed)) return lexed;
  const tokens: Token[] = lexed;
  let pos = 0;
  const unexpected = (): FieldError => {
    const t = tokens[pos];
    return t ? { key: 'errors.mathUnexpected', values: { token: t.text, position: t.at + 1 } } : { key: 'errors.mathIncomplete' };
  };

  function factor(): FieldError {
    const t = tokens[pos];
    if (!t) return { key: 'errors.mathIncomplete' };
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      pos++;
      return factor();
    }
    if (t.kind === 'num' || t.kind === 'ident') {
      pos++;
      return null;
    }
    if (t.kind === 'lparen') {
      pos++;
      const inner = expr();
      if (inner) return inner;
      if (tokens[pos]?.kind !== 'rparen') return { key: 'errors.mathParen' };
      pos++;
      return null;
    }
    return unexpected();
  }

  function binary(ops: string, next: () => FieldError): FieldError {
    const first = next();
    if (first) return first;
    while (tokens[pos]?.kind === 'op' && ops.includes(tokens[pos]!.text)) {
      pos++;
      const right = next();
      if (right) return right;
    }
    return null;
  }
  const term = () => binary('*/%', factor);
  const expr = () => binary('+-', term);

  const err = expr();
  if (err) return err;
  if (pos < tokens.length) return tokens[pos]!.kind === 'rparen' ? { key: 'errors.mathParen' } : unexpected();
  return null;
}
