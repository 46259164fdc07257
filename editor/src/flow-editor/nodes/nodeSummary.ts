import { assertNever, type FlowNode } from '@switchboard/runtime';

/**
 * The words a person recognises a node by: used by find, the jump card and the quick pickers.
 * Empty when the node has no text of its own (the caller then shows the kind's name).
 */
export function nodeSummary(node: FlowNode): string {
  switch (node.type) {
    case 'start':
      return node.data.label ?? '';
    case 'message':
    case 'question':
    case 'choice':
    case 'handoff':
      return node.data.text;
    case 'condition':
      return node.data.branches.map((b) => b.label).filter(Boolean).join(', ');
    case 'set':
      return node.data.assignments.map((a) => a.variable).join(', ');
    case 'jump':
      return '';
    case 'end':
      return node.data.text ?? '';
    case 'intent':
      return node.data.text || node.data.intents.map((i) => i.name).filter(Boolean).join(', ');
    case 'faq':
      return node.data.text || node.data.items.map((i) => i.question).filter(Boolean).join(', ');
    case 'httpRequest':
      return `${node.data.method} ${node.data.url}`;
    case 'satisfaction':
      return node.data.text;
    default:
      return assertNever(node);
  }
}

/** Every searchable string of a node: its text plus option, branch and variable names. */
export function nodeSearchText(node: FlowNode): string {
  const parts: string[] = [nodeSummary(node), node.id];
  switch (node.type) {
    case 'choice':
      for (const o of node.data.options) parts.push(o.label, ...(o.synonyms ?? []));
      if (node.data.variable) parts.push(node.data.variable);
      break;
    case 'question':
      parts.push(node.data.variable);
      break;
    case 'handoff':
      parts.push(node.data.queue, node.data.note ?? '');
      break;
    case 'message':
      for (const l of node.data.links ?? []) parts.push(l.label);
      break;
    case 'condition':
      for (const b of node.data.branches) for (const r of b.rules) parts.push(r.variable, String(r.value ?? ''));
      break;
    case 'intent':
      for (const i of node.data.intents) parts.push(i.name, ...i.examples);
      break;
    case 'faq':
      for (const i of node.data.items) parts.push(i.question, ...(i.variants ?? []), i.answer);
      break;
    case 'httpRequest':
      for (const m of node.data.responseMapping) parts.push(m.variable);
      break;
    default:
      break;
  }
  return parts.join('\n').toLocaleLowerCase();
}

/** One line of at most `max` characters, for pickers and lists. */
export function truncate(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
