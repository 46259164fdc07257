import type { ConditionNode } from '@switchboard/runtime';
import { BranchesEditor } from './BranchesEditor';
import { removeHandleEdges } from './removeHandleEdges';
import { usePatchNodeData } from './useNodeData';

export function ConditionForm({ node }: { node: ConditionNode }) {
  const patch = usePatchNodeData<'condition'>(node.id);
  return (
    <BranchesEditor
      branches={node.data.branches}
      onChange={(branches) => patch({ branches })}
      onRemoved={(branch) => removeHandleEdges(node.id, branch.id)}
    />
  );
}
