import type { FlowDocument } from '../schema/flow';
import type { FlowNode } from '../schema/node';
import type { VariableDefinition } from '../schema/common';
import { jsonEqual } from '../util/jsonEqual';
import { matchEdges } from './edgeMatch';
import { textFields } from './textFields';
import { valueChanges } from './valueChanges';
import type { FlowDiff, NodeChange, NodeMove, TextChange, VariableChange } from './types';

/** The first node per id wins, as in the engine; the validator reports duplicates. */
function byId(nodes: readonly FlowNode[]): Map<string, FlowNode> {
  const map = new Map<string, FlowNode>();
  for (const node of nodes) if (!map.has(node.id)) map.set(node.id, node);
  return map;
}

function changedDataFields(before: FlowNode, after: FlowNode): string[] {
  const a = before.data as Record<string, unknown>;
  const b = after.data as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return before.type !== after.type ? keys : keys.filter((k) => !jsonEqual(a[k], b[k]));
}

function textChangesOf(before: FlowNode, after: FlowNode): TextChange[] {
  const a = textFields(before);
  const b = textFields(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields.flatMap((field) => {
    const was = a[field] ?? '';
    const now = b[field] ?? '';
    return was === now ? [] : [{ nodeId: after.id, field, before: was, after: now }];
  });
}

function diffVariables(before: readonly VariableDefinition[], after: readonly VariableDefinition[]): FlowDiff['variables'] {
  const a = new Map(before.map((v) => [v.name, v]));
  const b = new Map(after.map((v) => [v.name, v]));
  const changed: VariableChange[] = [];
  for (const [name, was] of a) {
    const now = b.get(name);
    if (now && !jsonEqual(was, now)) changed.push({ name, before: was, after: now });
  }
  return {
    added: after.filter((v) => !a.has(v.name)),
    removed: before.filter((v) => !b.has(v.name)),
    changed,
  };
}

/**
 * What changed from one flow document to another, for the publish summary and the canvas
 * diff. Nodes are matched by id; edges by what they connect (see matchEdges).
 */
export function diffFlows(before: FlowDocument, after: FlowDocument): FlowDiff {
  const a = byId(before.nodes);
  const b = byId(after.nodes);
  const changed: NodeChange[] = [];
  const moved: NodeMove[] = [];
  const textChanges: TextChange[] = [];
  for (const [id, now] of b) {
    const was = a.get(id);
    if (!was) continue;
    if (was.position.x !== now.position.x || was.position.y !== now.position.y) {
      moved.push({ id, from: was.position, to: now.position });
    }
    const fields = changedDataFields(was, now);
    if (was.type !== now.type || fields.length > 0) {
      changed.push({ id, before: was, after: now, typeChanged: was.type !== now.type, fields });
      textChanges.push(...textChangesOf(was, now));
    }
  }
  return {
    nodes: {
      added: [...b.values()].filter((n) => !a.has(n.id)),
      removed: [...a.values()].filter((n) => !b.has(n.id)),
      changed,
      moved,
    },
    edges: matchEdges(before.edges, after.edges, a, b),
    variables: diffVariables(before.variables, after.variables),
    settings: valueChanges(before.settings, after.settings),
    meta: valueChanges(
      { name: before.name, description: before.description, locale: before.locale },
      { name: after.name, description: after.description, locale: after.locale },
    ),
    textChanges,
  };
}
