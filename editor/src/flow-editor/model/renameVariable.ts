import { variableNameSchema, jsonEqual, kindOf, variableRenamer, type FlowDocument, type FlowNode } from '@switchboard/runtime';

type Meta = Omit<FlowDocument, 'nodes' | 'edges'>;

export interface RenameResult<M extends Meta, N extends FlowNode> {
  meta: M;
  nodes: N[];
  /** Ids of the nodes whose data changed; every other node is returned as the same object. */
  changedNodeIds: string[];
}

/** The node's data with every reference to `oldName` pointing at `newName`, as its kind's record says. */
export function renameInData(node: FlowNode, oldName: string, newName: string): FlowNode['data'] {
  return kindOf(node).renameVariable(node.data, variableRenamer(oldName, newName));
}

/**
 * Renames a variable's declaration and every reference to it. Pure: unchanged nodes keep their
 * identity so memoised node cards do not re-render. When `newName` is already declared the two
 * variables merge and the existing declaration wins, because two declarations of one name are
 * invalid. An invalid or identical `newName` returns the input untouched.
 */
export function renameVariable<M extends Meta, N extends FlowNode>(
  doc: { meta: M; nodes: N[] },
  oldName: string,
  newName: string,
): RenameResult<M, N> {
  if (oldName === newName || !variableNameSchema.safeParse(newName).success) {
    return { meta: doc.meta, nodes: doc.nodes, changedNodeIds: [] };
  }
  const tpl = variableRenamer(oldName, newName).template;
  const alreadyDeclared = doc.meta.variables.some((v) => v.name === newName);
  const variables = alreadyDeclared
    ? doc.meta.variables.filter((v) => v.name !== oldName)
    : doc.meta.variables.map((v) => (v.name === oldName ? { ...v, name: newName } : v));
  const s = doc.meta.settings;
  const greeting = s.widget.greeting;
  const settings = {
    ...s,
    fallbackText: tpl(s.fallbackText),
    handoff: { ...s.handoff, offlineText: tpl(s.handoff.offlineText) },
    widget: greeting !== undefined ? { ...s.widget, greeting: tpl(greeting) } : s.widget,
  };
  const changedNodeIds: string[] = [];
  const nodes = doc.nodes.map((node) => {
    const data = renameInData(node, oldName, newName);
    if (jsonEqual(data, node.data)) return node;
    changedNodeIds.push(node.id);
    return { ...node, data } as N;
  });
  return { meta: { ...doc.meta, variables, settings }, nodes, changedNodeIds };
}
