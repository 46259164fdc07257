import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Search } from 'lucide-react';
import type { FlowSummary } from '../api';
import { TextField } from '../ui';
import { FlowTable } from './FlowTable';
import { filterBySearch } from './search';

interface FlowSearchCardProps {
  flows: FlowSummary[];
  now: Date;
  query: string;
  onQueryChange: (query: string) => void;
  duplicatingId: string | null;
  onDuplicate: (flow: FlowSummary) => void;
  onDelete: (flow: FlowSummary) => void;
}

/** The search box over the flow table, with the live count of matches. */
export function FlowSearchCard({ flows, now, query, onQueryChange, duplicatingId, onDuplicate, onDelete }: FlowSearchCardProps) {
  const { t } = useTranslation('dashboard');
  const visible = useMemo(() => filterBySearch(flows, query), [flows, query]);
  return (
    <section className="sb-dashboard__card">
      <div className="sb-dashboard__toolbar">
        <TextField
          label={t('search.label')}
          hideLabel
          type="search"
          placeholder={t('search.placeholder')}
          icon={<Search size={16} aria-hidden />}
          value={query}
          onChange={(e) => onQueryChange(e.target.value)}
          className="sb-dashboard__search"
        />
        <span className="sb-muted" role="status" aria-live="polite">
          {query.trim() ? t('search.results', { count: visible.length }) : ''}
        </span>
      </div>
      {visible.length > 0 ? (
        <FlowTable flows={visible} now={now} canEdit duplicatingId={duplicatingId} onDuplicate={onDuplicate} onDelete={onDelete} />
      ) : (
        <p className="sb-dashboard__no-results">{t('search.noResults', { query: query.trim() })}</p>
      )}
    </section>
  );
}
