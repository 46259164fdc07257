import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKnowledgeSources } from '../../knowledge/useKnowledgeSources';

interface Props {
  nodeId: string;
  /** Only these sources; every source when undefined. */
  value: readonly string[] | undefined;
  onChange(next: string[] | undefined): void;
}

/**
 * Which knowledge sources an "Answer from knowledge" step searches: all of them, or the ones
 * ticked here. A ticked source that was since deleted stays listed (and in the flow) until it is
 * unticked, so nothing saved disappears silently; an empty pick is never saved, because a step
 * that searches nothing would always say it has no answer.
 */
export function KnowledgeSourcePicker({ nodeId, value, onChange }: Props) {
  const { t } = useTranslation('inspector');
  // "Only these" with nothing ticked yet is a state of the form, not of the flow.
  const [choosing, setChoosing] = useState(false);
  const only = value !== undefined || choosing;
  return (
    <fieldset className="sb-insp-group" data-testid="knowledge-sources">
      <legend className="sb-insp-group__title">{t('knowledge.sources')}</legend>
      <label className="sb-check">
        <input
          type="radio"
          name={`ks-${nodeId}`}
          checked={!only}
          onChange={() => {
            setChoosing(false);
            onChange(undefined);
          }}
        />
        {t('knowledge.allSources')}
      </label>
      <label className="sb-check">
        <input type="radio" name={`ks-${nodeId}`} checked={only} onChange={() => setChoosing(true)} />
        {t('knowledge.someSources')}
      </label>
      {only && (
        <SourceChecklist
          value={value}
          onChange={(next) => {
            setChoosing(next === undefined);
            onChange(next);
          }}
        />
      )}
    </fieldset>
  );
}

/** The organisation's sources as checkboxes; read only once the manager chooses to pick. */
function SourceChecklist({ value, onChange }: Pick<Props, 'value' | 'onChange'>) {
  const { t } = useTranslation('inspector');
  const { load, retry } = useKnowledgeSources();
  const picked = new Set(value ?? []);
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...(value ?? []), id] : (value ?? []).filter((v) => v !== id);
    onChange(next.length === 0 ? undefined : next);
  };
  const known = load.status === 'ready' ? load.sources : [];
  const missing = (value ?? []).filter((id) => !known.some((s) => s.id === id));
  return (
    <div className="sb-insp-sources">
      {load.status === 'loading' && <p className="sb-field__hint">{t('knowledge.sourcesLoading')}</p>}
      {load.status === 'error' && (
        <p className="sb-field__hint" role="alert">
          {t('knowledge.sourcesFailed')}{' '}
          <button type="button" className="sb-button sb-button--ghost sb-button--sm" onClick={retry}>
            {t('knowledge.sourcesRetry')}
          </button>
        </p>
      )}
      {load.status === 'ready' && known.length === 0 && <p className="sb-field__hint">{t('knowledge.noSources')}</p>}
      {known.map((s) => (
        <label key={s.id} className="sb-check">
          <input type="checkbox" checked={picked.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
          {s.title}
        </label>
      ))}
      {load.status === 'ready' &&
        missing.map((id) => (
          <label key={id} className="sb-check sb-check--missing">
            <input type="checkbox" checked onChange={(e) => toggle(id, e.target.checked)} />
            {t('knowledge.deletedSource', { id })}
          </label>
        ))}
      {picked.size === 0 && load.status === 'ready' && known.length > 0 && (
        <p className="sb-field__error" role="alert">
          {t('knowledge.pickOne')}
        </p>
      )}
    </div>
  );
}
