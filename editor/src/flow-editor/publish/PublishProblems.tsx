import { useTranslation } from 'react-i18next';
import type { Problem } from '@switchboard/runtime';
import { Alert } from '../../ui';
import { useEditorStore } from '../store';

/** Why publishing is refused: the validator's errors, each one a way to its step on the canvas. */
export function PublishProblems({ problems, onClose }: { problems: Problem[]; onClose: () => void }) {
  const { t } = useTranslation('preview');
  return (
    <>
      <Alert tone="error">{t('publish.hasErrors', { count: problems.length })}</Alert>
      <ul className="pb-problems">
        {problems.map((p, i) => (
          <li key={`${p.code}-${i}`}>
            {p.nodeId ? (
              <button
                type="button"
                className="pb-problem"
                onClick={() => {
                  useEditorStore.getState().selectNode(p.nodeId!, { center: true });
                  onClose();
                }}
              >
                {p.message}
              </button>
            ) : (
              p.message
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
