import type { ValidationContext } from '../context';
import { capitalize, nodeName, quote } from '../describe';
import { problem, type Problem } from '../problem';
import { bodyTemplateProblem } from '../../http/jsonTemplate';
import { parseJsonPath } from '../../http/jsonPath';

const PLACEHOLDER = /\{\{\s*(?:secret\.)?[A-Za-z_][A-Za-z0-9_]*\s*\}\}/g;

/** Whether a URL template is an http(s) address whatever its placeholders hold. */
export function isHttpUrlTemplate(template: string): boolean {
  const url = template.trim();
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url.replace(PLACEHOLDER, 'x')).hostname !== '';
  } catch {
    return false;
  }
}

export function httpRequests(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type !== 'httpRequest') continue;
    const name = capitalize(nodeName(node));
    const { url, body, method, responseMapping } = node.data;
    if (!isHttpUrlTemplate(url)) {
      const message = url.trim()
        ? `${name} has the address ${quote(url)}; it must be a web address starting with https:// or http://.`
        : `${name} has no address. Enter the web address to call, starting with https://.`;
      found.push(problem('invalid-http-url', message, { nodeId: node.id }));
    }
    const bodyProblem = method === 'GET' || body === undefined ? null : bodyTemplateProblem(body);
    if (bodyProblem !== null) found.push(problem('invalid-json-body', `${name}: ${bodyProblem}`, { nodeId: node.id }));
    for (const mapping of responseMapping) {
      const parsed = parseJsonPath(mapping.path);
      if (parsed.ok && parsed.segments.length > 0) continue;
      const why = parsed.ok ? 'it is empty' : parsed.message;
      found.push(
        problem('invalid-response-path', `${name} reads ${mapping.variable} from the path ${quote(mapping.path)}, but ${why}.`, {
          nodeId: node.id,
        }),
      );
    }
  }
  return found;
}
