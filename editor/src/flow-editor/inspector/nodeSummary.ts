import type { FlowNode } from '../../../../runtime/src/schema';
import { assertNever } from '../../../../runtime/src/util/assertNever';

/** A short line that tells nodes apart in pickers: their text, label or first branch. */
export function nodeSummary(node: FlowNode): string {
  switch (node.type) {
    case 'start':
      return node.data.label ?? '';
    case 'message':
    case 'question':
    case 'choice':
    case 'handoff':
      return node.data.text;
    case 'end':
      return node.data.text ?? '';
    case 'condition':
      return node.data.branches.map((b) => b.label).filter(Boolean).join(' / ');
    case 'set':
      return node.data.assignments.map((a) => a.variable).join(', ');
    case 'jump':
      return '';
    case 'intent':
      return node.data.text || node.data.intents.map((i) => i.name).filter(Boolean).join(' / ');
    case 'faq':
      return node.data.text || node.data.items.map((i) => i.question).filter(Boolean).join(' / ');
    case 'httpRequest':
      return `${node.data.method} ${node.data.url}`;
    case 'satisfaction':
      return node.data.text;
    default:
      return assertNever(node);
  }
}

export function truncate(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
