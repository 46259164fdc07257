import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionBranch } from '@switchboard/runtime';
import type { CardProps } from './cardProps';
import { NodeFrame, OutputRow } from './NodeFrame';

function ruleSummary(branch: ConditionBranch, t: (k: string, o?: Record<string, unknown>) => string): string {
  const joiner = ` ${t(branch.match === 'all' ? 'node.and' : 'node.or')} `;
  return branch.rules
    .map((r) => {
      const op = t(`ops.${r.op}`);
      return r.value === undefined ? `${r.variable} ${op}` : `${r.variable} ${op} ${String(r.value)}`;
    })
    .join(joiner);
}

export const ConditionCard = memo(function ConditionCard({ id, data, selected }: CardProps<'condition'>) {
  const { t } = useTranslation('canvas');
  return (
    <NodeFrame
      id={id}
      kind="condition"
      selected={selected}
      outputs={
        <>
          {data.branches.map((b, i) => {
            const rules = ruleSummary(b, t);
            return (
              <OutputRow
                key={b.id}
                handle={b.id}
                placeholder={!b.label && !rules}
                label={
                  <>
                    <span className="sbn-branch-label">{b.label || t('node.branchN', { n: i + 1 })}</span>
                    {rules && <span className="sbn-branch-rules">{rules}</span>}
                  </>
                }
              />
            );
          })}
          <OutputRow handle="else" label={t('handles.else')} />
        </>
      }
    />
  );
});
