import { CircleAlert, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store';

/** Two primitive selectors: a card re-renders only when its own counts change. */
export function ProblemBadge({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('canvas');
  const errors = useEditorStore((s) => s.problemsByNode.get(nodeId)?.errors ?? 0);
  const warnings = useEditorStore((s) => s.problemsByNode.get(nodeId)?.warnings ?? 0);
  if (errors === 0 && warnings === 0) return null;
  const label = [
    errors ? t('node.errors', { count: errors }) : null,
    warnings ? t('node.warnings', { count: warnings }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <span className={`sbn-badge ${errors ? 'sbn-badge--error' : 'sbn-badge--warning'}`} title={label} aria-label={label} role="img">
      {errors ? <CircleAlert size={12} aria-hidden /> : <TriangleAlert size={12} aria-hidden />}
      {errors + warnings}
    </span>
  );
}
