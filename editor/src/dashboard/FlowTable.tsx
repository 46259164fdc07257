import { useTranslation } from 'react-i18next';
import type { FlowSummary } from '../api';
import { FlowRow, type FlowRowProps } from './FlowRow';

export function FlowTable({ flows, ...rowProps }: { flows: FlowSummary[] } & Omit<FlowRowProps, 'flow' | 'duplicating'> & { duplicatingId: string | null }) {
  const { t } = useTranslation('dashboard');
  const { duplicatingId, ...rest } = rowProps;
  return (
    <div className="sb-flows__table-wrap">
      <table className="sb-flows">
        <caption className="sb-visually-hidden">{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.name')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">{t('columns.lastEdit')}</th>
            <th scope="col">{t('columns.editedBy')}</th>
            <th scope="col">
              <span className="sb-visually-hidden">{t('columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {flows.map((flow) => (
            <FlowRow key={flow.id} flow={flow} duplicating={duplicatingId === flow.id} {...rest} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
