import { scrubText } from '../outbound/secretForms';

export { secretForms } from '../outbound/secretForms';

/**
 * A response with every form of the given secret values blanked out, in keys and strings at
 * any depth. What a flow maps into variables, and what the editor's preview shows, comes from
 * here: a server that echoes its `Authorization` header shows `[secret]`, not the token.
 */
export function redactSecrets(json: unknown, values: readonly string[]): unknown {
  if (values.length === 0) return json;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return scrubText(node, values);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const [key, value] of Object.entries(node)) out[scrubText(key, values)] = walk(value);
      return out;
    }
    return node;
  };
  return walk(json);
}
