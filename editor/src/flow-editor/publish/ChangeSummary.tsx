import { useTranslation } from 'react-i18next';
import { phraseAdditions, type FlowNode, type DiffSummary, type FlowDiff } from '@switchboard/runtime';
import { nodeSummary } from '../kinds';
import { truncate } from '../model/truncate';
import { WordDiff } from '../history/WordDiff';
import { OtherChanges } from './OtherChanges';
import { PhraseChanges } from './PhraseChanges';

function NodeLine({ node }: { node: FlowNode }) {
  const { t } = useTranslation('preview');
  const summary = nodeSummary(node);
  return (
    <>
      <span className="cs-kind">{t(`inspector:kinds.${node.type}`)}</span>
      {summary && <span className="cs-text">{truncate(summary, 80)}</span>}
    </>
  );
}

/** What publishing will change for customers: steps added, removed and changed, texts before and after. */
export function ChangeSummary({ diff, summary }: { diff: FlowDiff; summary: DiffSummary }) {
  const { t } = useTranslation('preview');
  if (summary.total === 0) return <p className="pv-muted">{t('changes.none')}</p>;
  const textsByNode = new Map<string, FlowDiff['textChanges']>();
  for (const c of diff.textChanges) textsByNode.set(c.nodeId, [...(textsByNode.get(c.nodeId) ?? []), c]);
  const other = summary.edges.added + summary.edges.removed + summary.variables.added + summary.variables.removed + summary.variables.changed + summary.settings + summary.meta;
  return (
    <div className="cs" data-testid="change-summary">
      <p className="cs-headline">
        {t('changes.headline', { added: summary.nodes.added, removed: summary.nodes.removed, changed: summary.nodes.changed })}
      </p>
      {other > 0 && <OtherChanges diff={diff} count={other} />}
      <PhraseChanges additions={phraseAdditions(diff)} />
      <ul className="cs-list">
        {diff.nodes.added.map((n) => (
          <li key={`a-${n.id}`} className="cs-item cs-item--added">
            <span className="cs-tag">{t('changes.added')}</span> <NodeLine node={n} />
          </li>
        ))}
        {diff.nodes.removed.map((n) => (
          <li key={`r-${n.id}`} className="cs-item cs-item--removed">
            <span className="cs-tag">{t('changes.removed')}</span> <NodeLine node={n} />
          </li>
        ))}
        {diff.nodes.changed.map((c) => (
          <li key={`c-${c.id}`} className="cs-item cs-item--changed">
            <span className="cs-tag">{t('changes.changed')}</span> <NodeLine node={c.after} />
            {(textsByNode.get(c.id) ?? []).map((tc) => (
              <div key={tc.field} className="cs-textchange" data-field={tc.field}>
                <div className="cs-field">{t(`changes.field.${tc.field.split('.')[0]}`, { defaultValue: tc.field })}</div>
                <div className="cs-before">
                  <span className="cs-label">{t('changes.before')}</span> {tc.before || '—'}
                </div>
                <div className="cs-after">
                  <span className="cs-label">{t('changes.after')}</span> {tc.after || '—'}
                </div>
                <div className="cs-words">
                  <WordDiff before={tc.before} after={tc.after} />
                </div>
              </div>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
