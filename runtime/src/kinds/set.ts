import type { KindRuntime } from './types';
import type { Assignment } from '../schema/nodes/set';
import { NO_INPUT } from './helpers';
import { templateVariables } from '../text/template';
import { mathVariables, parseMath } from '../engine/math';
import { enterSet } from '../engine/nodes/set';

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

export const setKind: KindRuntime<'set'> = {
  name(node) {
    const names = [...new Set(node.data.assignments.map((a) => a.variable))];
    return names.length > 0 ? `the step setting ${names.join(', ')}` : 'a "set variables" step with nothing to set';
  },
  texts: () => ({}),
  reads(node) {
    // Assignments run in order, so one may read what an earlier one in the same step wrote.
    const written = new Set<string>();
    const names = new Set<string>();
    for (const assignment of node.data.assignments) {
      for (const name of assignmentReads(assignment)) if (!written.has(name)) names.add(name);
      written.add(assignment.variable);
    }
    return [...names];
  },
  writes: (node) => node.data.assignments.map((a) => a.variable),
  renameVariable: (d, r) => ({
    assignments: d.assignments.map((a) => ({
      ...a,
      variable: r.name(a.variable),
      value: typeof a.value === 'string' ? (a.mode === 'math' ? r.expression(a.value) : r.template(a.value)) : a.value,
    })),
  }),
  enter: enterSet,
  answer: null,
  expectedInput: NO_INPUT,
};
