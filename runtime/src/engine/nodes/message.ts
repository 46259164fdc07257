import type { MessageNode } from '../../schema/nodes/message';
import type { Turn } from '../turn';
import { render, say } from '../turn';
import { follow } from '../follow';
import { isAllowedImageUrl, isAllowedLinkUrl } from '../urls';

export function enterMessage(turn: Turn, node: MessageNode): string | null {
  const { data } = node;
  say(turn, node.id, render(turn, data.text));
  if (data.image) {
    // Checked after rendering, so a variable can never smuggle in a javascript: or data: URL.
    const url = render(turn, data.image.url).trim();
    if (isAllowedImageUrl(url)) turn.outputs.push({ type: 'image', nodeId: node.id, url, alt: render(turn, data.image.alt) });
  }
  if (data.links && data.links.length > 0) {
    const links = [];
    for (const link of data.links) {
      const url = render(turn, link.url).trim();
      if (isAllowedLinkUrl(url)) links.push({ label: render(turn, link.label), url });
    }
    if (links.length > 0) turn.outputs.push({ type: 'links', nodeId: node.id, links });
  }
  return follow(turn, node.id, 'next');
}
