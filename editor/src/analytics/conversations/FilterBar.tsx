import { useTranslation } from 'react-i18next';
import type { ConversationOutcome } from '../../api';
import type { FilterChoice } from './listFilters';

const OUTCOMES: ConversationOutcome[] = ['contained', 'handedOff', 'abandoned', 'inProgress'];

interface Props {
  value: FilterChoice;
  onChange: (next: FilterChoice) => void;
  /** The goals the figures list for this range and version. */
  goals: readonly { nodeId: string; label: string }[];
}

/** Outcome, goal, low rating and not-understood filters; the date range and version are the page's. */
export function FilterBar({ value, onChange, goals }: Props) {
  const { t } = useTranslation('conversationList');
  return (
    <div className="sba-conv-filters" role="group" aria-label={t('filters')}>
      <label>
        {t('outcome')}{' '}
        <select className="sb-input" value={value.outcome} onChange={(e) => onChange({ ...value, outcome: e.target.value as FilterChoice['outcome'] })}>
          <option value="">{t('anyOutcome')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('goal')}{' '}
        <select className="sb-input" value={value.goal} onChange={(e) => onChange({ ...value, goal: e.target.value })}>
          <option value="">{t('goalFilter.any')}</option>
          <option value="reached:">{t('goalFilter.reachedAny')}</option>
          <option value="missed:">{t('goalFilter.missedAll')}</option>
          {goals.flatMap((g) => [
            <option key={`r-${g.nodeId}`} value={`reached:${g.nodeId}`}>
              {t('goalFilter.reached', { label: g.label })}
            </option>,
            <option key={`m-${g.nodeId}`} value={`missed:${g.nodeId}`}>
              {t('goalFilter.missed', { label: g.label })}
            </option>,
          ])}
        </select>
      </label>
      <label className="sba-conv-check">
        <input type="checkbox" checked={value.lowCsat} onChange={(e) => onChange({ ...value, lowCsat: e.target.checked })} /> {t('lowCsat')}
      </label>
      <label className="sba-conv-check">
        <input type="checkbox" checked={value.unrecognized} onChange={(e) => onChange({ ...value, unrecognized: e.target.checked })} /> {t('unrecognized')}
      </label>
    </div>
  );
}
