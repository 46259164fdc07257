import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertTriangle, XCircle } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useEditorStore } from '../store';

/** Enough to see what is wrong without pushing the form itself out of view. */
const VISIBLE = 2;

/** The validator's findings for this node, errors first, so the form says what to fix. */
export function NodeProblems({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('inspector');
  const [expanded, setExpanded] = useState(false);
  const problems = useEditorStore(
    useShallow((s) => s.problems.filter((p) => p.nodeId === nodeId).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))),
  );
  if (problems.length === 0) return null;
  const shown = expanded ? problems : problems.slice(0, VISIBLE);
  const hidden = problems.length - shown.length;
  return (
    <div className="sb-insp-problems-wrap">
      <ul className="sb-insp-problems" aria-label={t('problemsForNode')}>
        {shown.map((p, i) => (
          <li key={`${p.code}-${i}`} className={`sb-insp-problem sb-insp-problem--${p.severity}`}>
            {p.severity === 'error' ? <XCircle size={14} aria-label={t('severity.error')} /> : <AlertTriangle size={14} aria-label={t('severity.warning')} />}
            <span>{p.message}</span>
          </li>
        ))}
      </ul>
      {(hidden > 0 || expanded) && problems.length > VISIBLE && (
        <button type="button" className="sb-insp-problems__more" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('fewerProblems') : t('moreProblems', { count: hidden })}
        </button>
      )}
    </div>
  );
}
