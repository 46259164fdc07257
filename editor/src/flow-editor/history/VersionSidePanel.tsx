import { useTranslation } from 'react-i18next';
import { summarize } from '@switchboard/runtime';
import { usePreviewStore } from '../preview/previewStore';
import { ChangeSummary } from '../publish/ChangeSummary';
import { nodeSummary } from '../kinds';
import { WordDiff } from './WordDiff';
import '../publish/publish.css';
import './history.css';

/** Beside a read-only canvas: the picked node's text diff, or the whole comparison. */
export function VersionSidePanel() {
  const { t } = useTranslation('preview');
  const view = usePreviewStore((s) => s.view);
  const selection = usePreviewStore((s) => s.viewSelection);
  if (!view) return null;
  if (view.kind === 'version') {
    const node = view.flow.nodes.find((n) => n.id === selection);
    return (
      <div className="hv-side" data-testid="version-side">
        <h2 className="pv-title">{t('history.versionN', { n: view.number })}</h2>
        <p className="pv-muted">{t('history.readOnlyHint')}</p>
        {node && (
          <div>
            <h3 className="pv-subtitle">{t(`inspector:kinds.${node.type}`)}</h3>
            <p>{nodeSummary(node)}</p>
          </div>
        )}
      </div>
    );
  }
  const changed = view.diff.nodes.changed.find((c) => c.id === selection);
  const texts = view.diff.textChanges.filter((c) => c.nodeId === selection);
  const mark = selection ? view.marks.get(selection) : undefined;
  return (
    <div className="hv-side" data-testid="version-side">
      {selection && (
        <section data-testid="node-diff">
          <h3 className="pv-subtitle">{mark ? t(`changes.${mark}`) : t('changes.unchanged')}</h3>
          {changed && texts.length === 0 && <p className="pv-muted">{t('changes.fields', { fields: changed.fields.join(', ') })}</p>}
          {texts.map((tc) => (
            <div key={tc.field} className="cs-textchange">
              <div className="cs-field">{t(`changes.field.${tc.field.split('.')[0]}`, { defaultValue: tc.field })}</div>
              <div className="cs-words">
                <WordDiff before={tc.before} after={tc.after} />
              </div>
            </div>
          ))}
        </section>
      )}
      <h3 className="pv-subtitle">{t('history.allChanges')}</h3>
      <ChangeSummary diff={view.diff} summary={summarize(view.diff)} />
    </div>
  );
}
