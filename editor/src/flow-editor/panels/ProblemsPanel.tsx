import { useTranslation } from 'react-i18next';
import { AlertTriangle, CheckCircle2, XCircle } from 'lucide-react';
import { useEditorStore, type Problem } from '../store';
import { KINDS, nodeSummary } from '../kinds';
import { truncate } from '../model/truncate';
import { countProblems, sortProblems } from './sortProblems';
import { problemSentence } from './problemSentence';
import './panels.css';

/** The validator's live output. Clicking a problem selects its step and brings it into view. */
export function ProblemsPanel() {
  const { t } = useTranslation('panels');
  const problems = useEditorStore((s) => s.problems);
  const { errors, warnings } = countProblems(problems);

  if (problems.length === 0) {
    return (
      <div className="sb-panel sb-panel--empty" role="status">
        <CheckCircle2 size={20} className="sb-ok" aria-hidden />
        <span>{t('problems.none')}</span>
      </div>
    );
  }
  return (
    <div className="sb-panel">
      <p className="sb-panel__summary">
        {t('problems.errorCount', { count: errors })} · {t('problems.warningCount', { count: warnings })}
      </p>
      <ul className="sb-problems" aria-label={t('problems.listLabel')}>
        {sortProblems(problems).map((p, i) => (
          <ProblemRow key={`${p.code}-${p.nodeId ?? p.edgeId ?? ''}-${i}`} problem={p} />
        ))}
      </ul>
    </div>
  );
}

function ProblemRow({ problem }: { problem: Problem }) {
  const { t, i18n } = useTranslation('panels');
  const nodeId = problem.nodeId;
  const node = useEditorStore((s) => (nodeId ? s.nodeById.get(nodeId) : undefined));
  const afterRetries = useEditorStore((s) => s.meta.settings.afterRetries.action);
  const message = problemSentence(problem, { node, afterRetries }, t, i18n.language);
  const severity = problem.severity === 'error' ? t('problems.error') : t('problems.warning');
  const Icon = node ? KINDS[node.type].icon : null;
  const content = (
    <>
      {problem.severity === 'error' ? <XCircle size={16} className="sb-problem__icon sb-problem__icon--error" aria-hidden /> : <AlertTriangle size={16} className="sb-problem__icon sb-problem__icon--warning" aria-hidden />}
      <span className="sb-visually-hidden">{severity}: </span>
      <span className="sb-problem__text">
        <span className="sb-problem__message">{message}</span>
        {node && (
          <span className="sb-problem__where">
            {Icon && <Icon size={12} aria-hidden />}
            {t(`inspector:kinds.${node.type}`)}
            {nodeSummary(node) && ` · ${truncate(nodeSummary(node), 40)}`}
          </span>
        )}
      </span>
    </>
  );
  return (
    <li className={`sb-problem sb-problem--${problem.severity}`}>
      {node ? (
        <button type="button" className="sb-problem__button" onClick={() => useEditorStore.getState().selectNode(node.id, { center: true })}>
          {content}
        </button>
      ) : (
        <div className="sb-problem__button sb-problem__button--static">{content}</div>
      )}
    </li>
  );
}
