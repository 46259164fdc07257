import type { ValidationContext } from '../context';
import { problem, type Problem } from '../problem';

export function emptyMessages(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type !== 'message') continue;
    const { text, image, links } = node.data;
    if (text.trim() !== '' || image || (links && links.length > 0)) continue;
    found.push(
      problem('empty-message', 'A message has no text, image or links, so the customer would see nothing. Write something or delete it.', {
        nodeId: node.id,
      }),
    );
  }
  return found;
}
