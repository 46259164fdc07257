import {
  assertNever,
  outputHandles,
  variablesWrittenOn,
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

/**
 * Variables a node writes on any of its ways out: the question's answer, the chosen option, set
 * targets, the satisfaction rating... Asked of the runtime's validator, so the editor's lists
 * and the "read before set" check can never disagree about a kind.
 */
export function variablesWrittenBy(node: FlowNode): string[] {
  const names = new Set<string>();
  for (const handle of outputHandles(node)) for (const name of variablesWrittenOn(node, handle)) names.add(name);
  return [...names];
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
    case 'digits':
    case 'orderNumber':
    case 'postcodePl':
      return 'string';
    default:
      return assertNever(kind);
  }
}
