import { useTranslation } from 'react-i18next';
import { MessageCircleQuestion } from 'lucide-react';
import { Link, reviewPath } from '../../app/router';
import { useEditorStore } from '../store';

/** From a step that can fail to understand, to what customers wrote there that it did not (README: Not understood). */
export function NotUnderstoodLink({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('review');
  const flowId = useEditorStore((s) => s.meta.id);
  return (
    <p className="sb-inspector__review-link">
      <Link to={reviewPath(flowId, nodeId)}>
        <MessageCircleQuestion size={14} aria-hidden /> {t('atThisStep')}
      </Link>
    </p>
  );
}
