import type { Connection, Edge } from '@xyflow/react';
import type { EditorNode } from '../store/types';

/**
 * No self loops and nothing into the start node. An occupied output is allowed: the store
 * replaces its old edge, which is how users re-route a branch.
 */
export function isValidConnection(conn: Connection | Edge, nodeById: ReadonlyMap<string, EditorNode>): boolean {
  if (conn.source === conn.target) return false;
  const target = nodeById.get(conn.target);
  return target !== undefined && target.type !== 'start' && nodeById.has(conn.source);
}
