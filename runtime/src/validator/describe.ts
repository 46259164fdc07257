import type { FlowNode } from '../schema/node';
import { assertNever } from '../util/assertNever';

const MAX_QUOTE = 60;

/** A short, single-line excerpt of what the builder typed, in double quotes. */
export function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `"${line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE - 1).trimEnd()}…` : line}"`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withText(kind: string, text: string | undefined): string {
  return text && text.trim() ? `the ${kind} ${quote(text)}` : `a ${kind} with no text`;
}

/**
 * Names a node the way the builder sees it on the canvas: by its text, not its id, because
 * ids are invisible in the editor. `nodeById` lets a jump be named by where it leads.
 */
export function nodeName(node: FlowNode, nodeById?: ReadonlyMap<string, FlowNode>): string {
  switch (node.type) {
    case 'start':
      return 'the start';
    case 'message': {
      if (node.data.text.trim()) return withText('message', node.data.text);
      if (node.data.image) return node.data.image.alt.trim() ? `the image ${quote(node.data.image.alt)}` : 'a message with an image';
      return 'an empty message';
    }
    case 'question':
      return withText('question', node.data.text);
    case 'choice':
      return withText('choice', node.data.text);
    case 'condition': {
      const labels = node.data.branches.map((b) => b.label.trim()).filter(Boolean);
      return labels.length > 0 ? `the condition ${quote(labels.join(' / '))}` : 'a condition with no branches named';
    }
    case 'set': {
      const names = [...new Set(node.data.assignments.map((a) => a.variable))];
      return names.length > 0 ? `the step setting ${names.join(', ')}` : 'a "set variables" step with nothing to set';
    }
    case 'handoff':
      return `the handoff to the ${quote(node.data.queue)} team`;
    case 'jump': {
      const target = nodeById?.get(node.data.target);
      if (!target) return `the jump to ${quote(node.data.target)}`;
      return target.type === 'jump' ? 'a jump to another jump' : `the jump to ${nodeName(target)}`;
    }
    case 'end':
      return node.data.text?.trim() ? `the end ${quote(node.data.text)}` : 'an end step';
    case 'intent': {
      if (node.data.text?.trim()) return `the intent step ${quote(node.data.text)}`;
      const names = node.data.intents.map((i) => i.name.trim()).filter(Boolean);
      return names.length > 0 ? `the intent step recognising ${quote(names.join(' / '))}` : 'an intent step with no intents';
    }
    case 'faq': {
      if (node.data.text?.trim()) return `the FAQ ${quote(node.data.text)}`;
      const first = node.data.items.find((i) => i.question.trim());
      return first ? `the FAQ starting with ${quote(first.question)}` : 'an FAQ with no questions';
    }
    case 'httpRequest':
      return node.data.url.trim() ? `the ${node.data.method} request to ${quote(node.data.url)}` : 'an HTTP request with no URL';
    case 'satisfaction':
      return withText('satisfaction survey', node.data.text);
    default:
      return assertNever(node);
  }
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
