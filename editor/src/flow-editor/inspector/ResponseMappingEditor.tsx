import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, Trash2 } from 'lucide-react';
import type { HttpRequestData } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { jsonPathError } from './httpValidation';
import { useKnownVariables } from './knownVariables';
import { removeAt, replaceAt } from './listOps';
import { variableNameError } from './validation';

type Mapping = HttpRequestData['responseMapping'][number];
const MAX_MAPPINGS = 50;

function freshName(taken: readonly string[]): string {
  if (!taken.includes('result')) return 'result';
  let i = 2;
  while (taken.includes(`result${i}`)) i++;
  return `result${i}`;
}

/** JSON path -> variable rows: what to keep from the reply, e.g. `$.order.status` into `orderStatus`. */
export function ResponseMappingEditor({ mapping, onChange }: { mapping: readonly Mapping[]; onChange: (next: Mapping[]) => void }) {
  const { t } = useTranslation('inspector');
  const known = useKnownVariables();
  const listId = useId();
  return (
    <fieldset className="sb-insp-group">
      <legend className="sb-insp-group__title">{t('http.mapping')}</legend>
      <p className="sb-field__hint">{t('http.mappingHelp')}</p>
      <datalist id={listId}>
        {known.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <ol className="sb-insp-list">
        {mapping.map((m, i) => (
          <MappingRow
            key={i}
            n={i + 1}
            mapping={m}
            listId={listId}
            onChange={(next) => onChange(replaceAt(mapping, i, next))}
            onRemove={() => onChange(removeAt(mapping, i))}
          />
        ))}
      </ol>
      <Button
        size="sm"
        variant="ghost"
        icon={<Plus size={16} aria-hidden />}
        disabled={mapping.length >= MAX_MAPPINGS}
        onClick={() => onChange([...mapping, { path: '', variable: freshName([...known, ...mapping.map((m) => m.variable)]) }])}
      >
        {t('http.addMapping')}
      </Button>
    </fieldset>
  );
}

function MappingRow({ n, mapping, listId, onChange, onRemove }: { n: number; mapping: Mapping; listId: string; onChange: (m: Mapping) => void; onRemove: () => void }) {
  const { t } = useTranslation('inspector');
  // The document only accepts valid names, so a half-typed one lives here until it is valid.
  const [draft, setDraft] = useState(mapping.variable);
  const pathError = jsonPathError(mapping.path);
  const nameError = variableNameError(draft);
  const shownDraft = nameError === null && draft !== mapping.variable ? mapping.variable : draft;
  return (
    <li className="sb-kv-row" data-testid="mapping-row">
      <input
        className="sb-input"
        aria-label={t('http.mappingPath', { n })}
        aria-invalid={pathError ? true : undefined}
        value={mapping.path}
        maxLength={500}
        placeholder="$.order.status"
        spellCheck={false}
        onChange={(e) => onChange({ ...mapping, path: e.target.value })}
      />
      <input
        className="sb-input"
        aria-label={t('http.mappingVariable', { n })}
        aria-invalid={nameError ? true : undefined}
        list={listId}
        value={shownDraft}
        maxLength={64}
        spellCheck={false}
        onChange={(e) => {
          const name = e.target.value.trim();
          setDraft(name);
          if (variableNameError(name) === null) onChange({ ...mapping, variable: name });
        }}
      />
      <IconButton tone="danger" aria-label={t('http.removeMapping', { n })} icon={<Trash2 size={16} />} onClick={onRemove} />
      {pathError && (
        <span className="sb-field__error sb-kv-row__full" role="alert">
          {t(pathError.key, pathError.values)}
        </span>
      )}
      {nameError && (
        <span className="sb-field__error sb-kv-row__full" role="alert">
          {t(nameError.key, nameError.values)}
        </span>
      )}
    </li>
  );
}
