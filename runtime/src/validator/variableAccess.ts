import type { FlowNode } from '../schema/node';
import type { Assignment } from '../schema/nodes/set';
import type { ConditionOp } from '../schema/nodes/condition';
import { templateVariables } from '../text/template';
import { assertNever } from '../util/assertNever';
import { mathVariables, parseMath } from '../engine/math';
import { CSAT_RATING_VARIABLE } from '../schema/nodes/satisfaction';


/** Ops that ask whether a variable has a value, so reading an unset one is their purpose. */
const PRESENCE_OPS: ReadonlySet<ConditionOp> = new Set(['isSet', 'isEmpty']);

function assignmentReads(assignment: Assignment): string[] {
  const { value, mode } = assignment;
  if (typeof value !== 'string' || mode === 'literal') return [];
  if (mode === 'math') {
    // Arithmetic reads bare names too (`total * 1.23`); an expression that does not parse
    // still shows its `{{}}` names, which is the best guess at what it meant to read.
    const parsed = parseMath(value);
    return parsed.ok ? [...mathVariables(parsed.expr)] : templateVariables(value);
  }
  return templateVariables(value);
}

function textsReads(texts: readonly (string | undefined)[]): string[] {
  const names = new Set<string>();
  for (const text of texts) if (text) for (const name of templateVariables(text)) names.add(name);
  return [...names];
}

/** The variables a node reads before it writes any, i.e. the ones that must already be set. */
export function variablesRead(node: FlowNode): string[] {
  switch (node.type) {
    case 'start':
    case 'jump':
      return [];
    case 'message':
      return textsReads([
        node.data.text,
        node.data.image?.url,
        node.data.image?.alt,
        ...(node.data.links ?? []).flatMap((l) => [l.label, l.url]),
      ]);
    case 'question':
      return textsReads([node.data.text, node.data.retryText, node.data.placeholder]);
    case 'choice':
      return textsReads([node.data.text, ...node.data.options.map((o) => o.label)]);
    case 'condition': {
      const names = new Set<string>();
      for (const branch of node.data.branches) {
        for (const rule of branch.rules) {
          if (!PRESENCE_OPS.has(rule.op)) names.add(rule.variable);
          if (typeof rule.value === 'string') for (const name of templateVariables(rule.value)) names.add(name);
        }
      }
      return [...names];
    }
    case 'set': {
      // Assignments run in order, so one may read what an earlier one in the same step wrote.
      const written = new Set<string>();
      const names = new Set<string>();
      for (const assignment of node.data.assignments) {
        for (const name of assignmentReads(assignment)) if (!written.has(name)) names.add(name);
        written.add(assignment.variable);
      }
      return [...names];
    }
    case 'handoff':
      return textsReads([node.data.text, node.data.note]);
    case 'end':
      return textsReads([node.data.text]);
    case 'intent':
      return textsReads([node.data.text]);
    case 'faq':
      return textsReads([node.data.text, node.data.helpfulText, ...node.data.items.map((i) => i.answer)]);
    case 'httpRequest':
      // Secret references are no variables: `{{secret.X}}` does not match the variable syntax.
      return textsReads([node.data.url, node.data.body, ...node.data.headers.map((h) => h.value)]);
    case 'satisfaction':
      return textsReads([node.data.text, node.data.commentText]);
    default:
      return assertNever(node);
  }
}

/** The variables that hold a value once the conversation leaves `node` through `handle`. */
export function variablesWrittenOn(node: FlowNode, handle: string): string[] {
  switch (node.type) {
    case 'question':
      // A rejected answer is not saved, so `invalid` leaves the variable as it was.
      return handle === 'next' ? [node.data.variable] : [];
    case 'choice':
      return node.data.variable !== undefined && handle !== 'noMatch' ? [node.data.variable] : [];
    case 'set':
      return node.data.assignments.map((a) => a.variable);
    case 'intent': {
      const names = node.data.confidenceVariable !== undefined ? [node.data.confidenceVariable] : [];
      // On fallback the intent variable is cleared to null, which reads as unset.
      if (handle !== 'fallback' && node.data.intentVariable !== undefined) names.push(node.data.intentVariable);
      return names;
    }
    case 'httpRequest':
      if (handle === 'success') return node.data.responseMapping.map((m) => m.variable);
      return node.data.errorVariable !== undefined ? [node.data.errorVariable] : [];
    case 'satisfaction':
      return [CSAT_RATING_VARIABLE];
    case 'faq':
    case 'start':
    case 'message':
    case 'condition':
    case 'handoff':
    case 'jump':
    case 'end':
      return [];
    default:
      return assertNever(node);
  }
}
