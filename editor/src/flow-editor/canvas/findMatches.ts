import type { FlowNode } from '@switchboard/runtime';
import { nodeSearchText } from '../kinds';

/** Ids of nodes whose texts contain every word of the query, in canvas reading order. */
export function findMatches(nodes: readonly FlowNode[], query: string): string[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return nodes
    .filter((n) => {
      const text = nodeSearchText(n);
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y)
    .map((n) => n.id);
}
