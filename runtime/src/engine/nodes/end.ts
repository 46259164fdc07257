import type { EndNode } from '../../schema/nodes/end';
import type { Turn } from '../turn';
import { complete, render, say } from '../turn';

export function enterEnd(turn: Turn, node: EndNode): null {
  if (node.data.text) say(turn, node.id, render(turn, node.data.text));
  complete(turn, node.id);
  return null;
}
