import type { VariableDefinition } from '@switchboard/runtime';
import { useEditorStore } from '../store';

export function replaceVariable(index: number, next: VariableDefinition) {
  const s = useEditorStore.getState();
  s.updateMeta({ variables: s.meta.variables.map((v, i) => (i === index ? next : v)) });
}

/** Drops keys set to undefined so the saved document has no empty optional fields. */
export function clean(v: VariableDefinition): VariableDefinition {
  const out: VariableDefinition = { name: v.name, type: v.type };
  if (v.default !== undefined) out.default = v.default;
  if (v.description !== undefined && v.description !== '') out.description = v.description;
  return out;
}
