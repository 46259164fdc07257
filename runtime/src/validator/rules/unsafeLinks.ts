import type { ValidationContext } from '../context';
import { nodeName, optionLabel, quote } from '../describe';
import { problem, type Problem } from '../problem';
import { isSafeImageUrl, isSafeLinkUrl } from '../urlScheme';

export function unsafeLinks(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type !== 'message') continue;
    const { image, links = [] } = node.data;
    if (image && !isSafeImageUrl(image.url)) {
      found.push(
        problem(
          'unsafe-link',
          `The image in ${nodeName(node)} has the address ${quote(image.url)}; an image must be a web address starting with https:// or http://.`,
          { nodeId: node.id },
        ),
      );
    }
    for (const link of links) {
      if (isSafeLinkUrl(link.url)) continue;
      found.push(
        problem(
          'unsafe-link',
          `The link ${optionLabel(link.label)} in ${nodeName(node)} goes to ${quote(link.url)}; a link must be a web address (https://…), an email (mailto:…) or a phone number (tel:…).`,
          { nodeId: node.id },
        ),
      );
    }
  }
  return found;
}
