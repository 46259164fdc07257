import {
  assertNever,
  type FlowNode,
  type VariableDefinition,
  type VariableType,
  type InputKind,
} from '@switchboard/runtime';
import { renameInData } from './renameVariable';

/**
 * Whether a node mentions a variable anywhere. Reuses the rename rules so that "used" means
 * exactly "a rename would change this node".
 */
export function nodeUsesVariable(node: FlowNode, name: string): boolean {
  return JSON.stringify(renameInData(node, name, `${name}_x`)) !== JSON.stringify(node.data);
}

export function nodesUsingVariable(nodes: readonly FlowNode[], name: string): FlowNode[] {
  return nodes.filter((n) => nodeUsesVariable(n, name));
}

/** Variables a node writes: the question's answer, the chosen option, set targets. */
export function variablesWrittenBy(node: FlowNode): string[] {
  switch (node.type) {
    case 'question':
      return [node.data.variable];
    case 'choice':
      return node.data.variable ? [node.data.variable] : [];
    case 'set':
      return node.data.assignments.map((a) => a.variable);
    case 'intent':
      return [node.data.intentVariable, node.data.confidenceVariable].filter((v): v is string => v !== undefined);
    case 'httpRequest':
      return [...node.data.responseMapping.map((m) => m.variable), ...(node.data.errorVariable ? [node.data.errorVariable] : [])];
    default:
      return [];
  }
}

/** Declared variables first (in declaration order), then captured-only ones alphabetically. */
export function knownVariableNames(declared: readonly VariableDefinition[], nodes: readonly FlowNode[]): string[] {
  const names = declared.map((v) => v.name);
  const seen = new Set(names);
  const captured = new Set<string>();
  for (const node of nodes) for (const v of variablesWrittenBy(node)) if (v && !seen.has(v)) captured.add(v);
  return [...names, ...[...captured].sort()];
}

export function variableTypeForInput(kind: InputKind): VariableType {
  switch (kind) {
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'yesNo':
      return 'boolean';
    case 'text':
    case 'email':
    case 'phone':
      return 'string';
    default:
      return assertNever(kind);
  }
}
