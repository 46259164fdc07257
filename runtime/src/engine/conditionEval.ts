import type { VariableValue } from '../schema/common';
import type { ConditionBranch, ConditionRule } from '../schema/nodes/condition';
import { assertNever } from '../util/assertNever';
import { cachedRegex, compiledTemplate } from './flowIndex';
import { fillTemplate, formatValue } from '../text/template';
import { quotePattern, searchPattern, type SafePattern } from '../text/safePattern';
import type { Turn } from './turn';
import { lookupVariable, render } from './turn';
import { getOwn } from './records';

type Operand = VariableValue | undefined;

const NUMERIC_RE = /^\s*[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)\s*$/;
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A number, or a string that reads as one ("12", "12,5"); otherwise null. */
export function asNumber(value: Operand): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMERIC_RE.test(value)) return Number(value.trim().replace(',', '.'));
  return null;
}

function asText(value: Operand): string {
  if (value === null || value === undefined) return '';
  return String(value).trim().toLowerCase();
}

function isSet(value: Operand): boolean {
  return value !== null && value !== undefined && value !== '';
}

function equals(a: Operand, b: Operand): boolean {
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== null && nb !== null) return na === nb;
  // Booleans are compared by their words so that a yes/no answer equals the rule value "true".
  if (typeof a === 'boolean' || typeof b === 'boolean') return asText(a) === asText(b);
  return asText(a) === asText(b);
}

/** Negative, zero or positive, or null when the two cannot be ordered. */
function compare(a: Operand, b: Operand): number | null {
  if (typeof a === 'string' && typeof b === 'string' && ISO_DATE_RE.test(a.trim()) && ISO_DATE_RE.test(b.trim())) {
    const x = a.trim();
    const y = b.trim();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const na = asNumber(a);
  const nb = asNumber(b);
  return na === null || nb === null ? null : na - nb;
}

function ordered(a: Operand, b: Operand, test: (c: number) => boolean): boolean {
  const c = compare(a, b);
  return c !== null && test(c);
}

function compile(source: string): SafePattern | null {
  try {
    return searchPattern(source);
  } catch {
    return null;
  }
}

/**
 * The rule's pattern with `{{variables}}` filled in as plain text: a customer's answer inside a
 * pattern must match itself, never add pattern syntax of its own.
 */
function patternSource(turn: Turn, value: string): string {
  const template = compiledTemplate(turn.index, value);
  return template === null ? value : fillTemplate(template, quotedVariable, turn);
}

function quotedVariable(turn: Turn, name: string): string {
  return quotePattern(formatValue(lookupVariable(turn, name)));
}

export function evaluateRule(turn: Turn, rule: ConditionRule): boolean {
  const left = getOwn(turn.session.variables, rule.variable);
  const right: Operand = typeof rule.value === 'string' ? render(turn, rule.value) : rule.value;
  switch (rule.op) {
    case 'equals':
      return equals(left, right);
    case 'notEquals':
      return !equals(left, right);
    case 'contains':
      return asText(left).includes(asText(right));
    case 'startsWith':
      return asText(left).startsWith(asText(right));
    case 'gt':
      return ordered(left, right, (c) => c > 0);
    case 'gte':
      return ordered(left, right, (c) => c >= 0);
    case 'lt':
      return ordered(left, right, (c) => c < 0);
    case 'lte':
      return ordered(left, right, (c) => c <= 0);
    case 'isSet':
      return isSet(left);
    case 'isEmpty':
      return !isSet(left);
    case 'matches': {
      // A bad or unsupported pattern is false rather than an error; the validator reports it to the author.
      // Only the author's own patterns are cached: one filled from variables varies per customer.
      if (typeof rule.value !== 'string') return false;
      const source = patternSource(turn, rule.value);
      const re = source === rule.value ? cachedRegex(turn.index.conditionPatterns, source, searchPattern) : compile(source);
      return re !== null && isSet(left) && re.test(String(left));
    }
    default:
      return assertNever(rule.op);
  }
}

export function evaluateBranch(turn: Turn, branch: ConditionBranch): boolean {
  // Empty "all" is vacuously true and empty "any" false, as in logic and in most rule builders.
  return branch.match === 'all'
    ? branch.rules.every((r) => evaluateRule(turn, r))
    : branch.rules.some((r) => evaluateRule(turn, r));
}
