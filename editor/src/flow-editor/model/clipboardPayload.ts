import { z } from 'zod';
import { flowEdgeSchema, flowNodeSchema, type FlowEdge, type FlowNode } from '@switchboard/runtime';

/**
 * The JSON written to the system clipboard. A marker field lets paste ignore ordinary text, and
 * the nodes are validated like any other import because the text may come from anywhere.
 */
export interface ClipboardPayload {
  switchboard: 'nodes';
  nodes: FlowNode[];
  edges: FlowEdge[];
}

const payloadSchema = z.object({
  switchboard: z.literal('nodes'),
  nodes: z.array(flowNodeSchema).min(1).max(5000),
  edges: z.array(flowEdgeSchema).max(20000),
});

export function serializeClipboard(payload: ClipboardPayload): string {
  return JSON.stringify(payload);
}

export function parseClipboard(text: string): ClipboardPayload | null {
  if (!text.trimStart().startsWith('{')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(raw);
  return parsed.success ? (parsed.data as ClipboardPayload) : null;
}
