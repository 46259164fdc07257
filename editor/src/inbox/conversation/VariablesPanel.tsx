import { useTranslation } from 'react-i18next';
import type { VariableValue } from '../../api';

function display(value: VariableValue): string {
  if (value === null) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** What the flow captured before the handoff: order number, email and so on. */
export function VariablesPanel({ variables, note }: { variables: Record<string, VariableValue>; note?: string }) {
  const { t } = useTranslation('inbox');
  const entries = Object.entries(variables);
  return (
    <aside className="sb-inbox-side" aria-label={t('details')}>
      {note !== undefined && note.trim() !== '' && (
        <section>
          <h3 className="sb-inbox-side__title">{t('handoffNote')}</h3>
          <p className="sb-inbox-side__note">{note}</p>
        </section>
      )}
      <section>
        <h3 className="sb-inbox-side__title">{t('variables')}</h3>
        {entries.length === 0 ? (
          <p className="sb-muted">{t('noVariables')}</p>
        ) : (
          <dl className="sb-vars">
            {entries.map(([name, value]) => (
              <div key={name} className="sb-vars__row">
                <dt>{name}</dt>
                <dd>{display(value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </aside>
  );
}
