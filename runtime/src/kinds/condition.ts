import type { KindRuntime } from './types';
import type { ConditionOp } from '../schema/nodes/condition';
import { NO_INPUT, NOTHING, quote } from './helpers';
import { templateVariables } from '../text/template';
import { enterCondition } from '../engine/nodes/condition';

/** Ops that ask whether a variable has a value, so reading an unset one is their purpose. */
const PRESENCE_OPS: ReadonlySet<ConditionOp> = new Set(['isSet', 'isEmpty']);

export const conditionKind: KindRuntime<'condition'> = {
  name(node) {
    const labels = node.data.branches.map((b) => b.label.trim()).filter(Boolean);
    return labels.length > 0 ? `the condition ${quote(labels.join(' / '))}` : 'a condition with no branches named';
  },
  texts: () => ({}),
  reads(node) {
    const names = new Set<string>();
    for (const branch of node.data.branches) {
      for (const rule of branch.rules) {
        if (!PRESENCE_OPS.has(rule.op)) names.add(rule.variable);
        if (typeof rule.value === 'string') for (const name of templateVariables(rule.value)) names.add(name);
      }
    }
    return [...names];
  },
  writes: NOTHING,
  renameVariable: (d, r) => ({
    branches: d.branches.map((b) => ({
      ...b,
      rules: b.rules.map((rule) => ({
        ...rule,
        variable: r.name(rule.variable),
        ...(typeof rule.value === 'string' ? { value: r.template(rule.value) } : {}),
      })),
    })),
  }),
  enter: enterCondition,
  answer: null,
  expectedInput: NO_INPUT,
};
