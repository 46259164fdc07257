import type { FlowNode } from '../schema/node';
import { assertNever } from '../util/assertNever';

/**
 * What the customer (or, for a handoff note, the agent) reads, by field name. Option labels are
 * keyed by option id, so renaming one option is not reported as every later option changing.
 */
export function textFields(node: FlowNode): Record<string, string> {
  const fields: Record<string, string> = {};
  const put = (field: string, value: string | undefined) => {
    if (value !== undefined) fields[field] = value;
  };
  switch (node.type) {
    case 'message':
      put('text', node.data.text);
      put('image.alt', node.data.image?.alt);
      node.data.links?.forEach((link, i) => put(`links.${i}.label`, link.label));
      break;
    case 'question':
      put('text', node.data.text);
      put('retryText', node.data.retryText);
      put('placeholder', node.data.placeholder);
      break;
    case 'choice':
      put('text', node.data.text);
      for (const option of node.data.options) put(`options.${option.id}.label`, option.label);
      break;
    case 'handoff':
      put('text', node.data.text);
      put('note', node.data.note);
      break;
    case 'end':
      put('text', node.data.text);
      break;
    case 'intent':
      put('text', node.data.text);
      break;
    case 'faq':
      put('text', node.data.text);
      put('helpfulText', node.data.helpfulText);
      for (const item of node.data.items) put(`items.${item.id}.answer`, item.answer);
      break;
    case 'satisfaction':
      put('text', node.data.text);
      put('commentText', node.data.commentText);
      break;
    case 'httpRequest':
    case 'start':
    case 'condition':
    case 'set':
    case 'jump':
      break;
    default:
      return assertNever(node);
  }
  return fields;
}
