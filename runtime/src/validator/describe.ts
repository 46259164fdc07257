import type { FlowNode } from '../schema/node';
import { kindOf } from '../kinds';

export { quote } from '../kinds/helpers';

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Names a node the way the builder sees it on the canvas: by its text, not its id, because
 * ids are invisible in the editor. `nodeById` lets a jump be named by where it leads.
 */
export function nodeName(node: FlowNode, nodeById?: ReadonlyMap<string, FlowNode>): string {
  return kindOf(node).name(node, nodeById, (other) => nodeName(other));
}

export function optionLabel(label: string): string {
  const line = label.replace(/\s+/g, ' ').trim();
  return line ? `'${line}'` : 'with no label';
}

/**
 * The subject of a sentence about one output: options and branches are what the builder
 * labelled, named outputs are the handle names shown on the node.
 */
export function outputSubject(node: FlowNode, handle: string, nodeById?: ReadonlyMap<string, FlowNode>): string {
  if (node.type === 'choice') {
    const option = node.data.options.find((o) => o.id === handle);
    if (option) return `The option ${optionLabel(option.label)} in ${nodeName(node)}`;
  }
  if (node.type === 'condition') {
    const branch = node.data.branches.find((b) => b.id === handle);
    if (branch) return `The branch ${optionLabel(branch.label)} in ${nodeName(node)}`;
  }
  if (node.type === 'intent') {
    const intent = node.data.intents.find((i) => i.id === handle);
    if (intent) return `The intent ${optionLabel(intent.name)} in ${nodeName(node)}`;
  }
  return `The "${handle}" output of ${nodeName(node, nodeById)}`;
}
