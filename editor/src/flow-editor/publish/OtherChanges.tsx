import { useTranslation } from 'react-i18next';
import type { FlowDiff } from '@switchboard/runtime';

function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * The changes besides steps (connections, variables, settings, name), behind the "N other
 * changes" line: collapsed, but one click shows each of them, so nothing ships unseen.
 */
export function OtherChanges({ diff, count }: { diff: FlowDiff; count: number }) {
  const { t } = useTranslation('preview');
  const lines: { key: string; text: string }[] = [];
  if (diff.edges.added.length > 0) lines.push({ key: 'ea', text: t('changes.connectionsAdded', { count: diff.edges.added.length }) });
  if (diff.edges.removed.length > 0) lines.push({ key: 'er', text: t('changes.connectionsRemoved', { count: diff.edges.removed.length }) });
  for (const v of diff.variables.added) lines.push({ key: `va-${v.name}`, text: t('changes.variableAdded', { name: v.name }) });
  for (const v of diff.variables.removed) lines.push({ key: `vr-${v.name}`, text: t('changes.variableRemoved', { name: v.name }) });
  for (const v of diff.variables.changed) lines.push({ key: `vc-${v.name}`, text: t('changes.variableChanged', { name: v.name }) });
  for (const c of [...diff.meta, ...diff.settings]) {
    lines.push({ key: `s-${c.path}`, text: t('changes.valueChanged', { path: c.path, before: valueText(c.before), after: valueText(c.after) }) });
  }
  return (
    <details className="cs-other" data-testid="other-changes">
      <summary>{t('changes.other', { count })}</summary>
      <ul className="cs-list">
        {lines.map((l) => (
          <li key={l.key} className="cs-item">
            {l.text}
          </li>
        ))}
      </ul>
    </details>
  );
}
