import type { VariableValue } from '../../schema/common';
import type { QuestionData } from '../../schema/nodes/question';
import { assertNever } from '../../util/assertNever';
import type { FlowIndex } from '../flowIndex';
import { cachedRegex } from '../flowIndex';
import { wholeMatchPattern, type SafePattern } from '../../text/safePattern';
import { parseNumberAnswer } from './number';
import { parseEmailAnswer } from './email';
import { parsePhoneAnswer } from './phone';
import { parseDateAnswer } from './date';
import { parseYesNoAnswer } from './yesNo';
import { parseDigitsAnswer, parseOrderNumberAnswer, parsePostcodePlAnswer } from './presets';

export type RejectReason = 'empty' | 'format' | 'pattern' | 'tooShort' | 'tooLong';

export type AnswerResult = { ok: true; value: VariableValue } | { ok: false; reason: RejectReason };

const rejected = (reason: RejectReason): AnswerResult => ({ ok: false, reason });

/** A question pattern must match the whole answer, in linear time (see safePattern). */
export function patternRegex(index: FlowIndex, pattern: string): SafePattern | null {
  return cachedRegex(index.questionPatterns, pattern, wholeMatchPattern);
}

function validateText(index: FlowIndex, data: QuestionData, text: string): AnswerResult {
  const length = [...text].length;
  if (data.minLength !== undefined && length < data.minLength) return rejected('tooShort');
  if (data.maxLength !== undefined && length > data.maxLength) return rejected('tooLong');
  if (data.pattern !== undefined && data.pattern !== '') {
    // An invalid or unsupported pattern is the author's mistake, reported by the validator; the customer is not blocked.
    const re = patternRegex(index, data.pattern);
    if (re && !re.test(text)) return rejected('pattern');
  }
  return { ok: true, value: text };
}

function parsed(value: VariableValue): AnswerResult {
  return value === null ? rejected('format') : { ok: true, value };
}

/** Checks a typed answer against the question's kind and rules and gives the value to store. */
export function validateAnswer(index: FlowIndex, data: QuestionData, raw: string): AnswerResult {
  const text = raw.trim();
  if (text === '') return rejected('empty');
  switch (data.inputKind) {
    case 'text':
      return validateText(index, data, text);
    case 'number':
      return parsed(parseNumberAnswer(text, data));
    case 'digits':
      return parsed(parseDigitsAnswer(text));
    case 'orderNumber':
      return parsed(parseOrderNumberAnswer(text));
    case 'postcodePl':
      return parsed(parsePostcodePlAnswer(text));
    case 'email':
      return parsed(parseEmailAnswer(text));
    case 'phone':
      return parsed(parsePhoneAnswer(text));
    case 'date':
      return parsed(parseDateAnswer(text));
    case 'yesNo':
      return parsed(parseYesNoAnswer(text));
    default:
      return assertNever(data.inputKind);
  }
}
