import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, Trash2 } from 'lucide-react';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { uniqueId } from '../model/ids';
import { removeAt, replaceAt } from './listOps';
import { PhraseEditor } from './PhraseEditor';

export interface EditableIntent {
  id: string;
  name: string;
  examples: string[];
}

export interface IntentsEditorProps<T extends EditableIntent> {
  intents: readonly T[];
  onChange: (next: T[]) => void;
  /** Builds a new, empty intent with the given id. */
  create: (id: string) => T;
  onRemoved?: (intent: T) => void;
  /** Normalised phrase -> ids of the groups holding it, for phrases held by several (see findPhraseClashes). */
  clashes: ReadonlyMap<string, string[]>;
  /** The display name of a clashing group's id (another intent, or "None of these"). */
  groupName: (id: string) => string;
  /** Extra fields under each intent's name, e.g. where a global intent leads. */
  renderExtra?: (intent: T, update: (patch: Partial<T>) => void) => ReactNode;
  max: number;
}

/**
 * A list of named intents, each with its example phrases. Intent ids double as the card's
 * handle ids, so they are created once and survive renaming.
 */
export function IntentsEditor<T extends EditableIntent>({ intents, onChange, create, onRemoved, clashes, groupName, renderExtra, max }: IntentsEditorProps<T>) {
  const { t } = useTranslation('inspector');
  return (
    <>
      <ol className="sb-insp-list">
        {intents.map((intent, i) => {
          const label = intent.name || t('intent.intentN', { n: i + 1 });
          const update = (patch: Partial<T>) => onChange(replaceAt(intents, i, { ...intent, ...patch }));
          return (
            <li key={intent.id} className="sb-insp-card" data-testid="intent-row">
              <div className="sb-insp-card__head">
                <label className="sb-visually-hidden" htmlFor={`intent-${intent.id}`}>
                  {t('intent.nameOf', { n: i + 1 })}
                </label>
                <input
                  id={`intent-${intent.id}`}
                  className="sb-input"
                  value={intent.name}
                  maxLength={100}
                  placeholder={t('intent.namePlaceholder')}
                  onChange={(e) => update({ name: e.target.value } as Partial<T>)}
                />
                <IconButton
                  tone="danger"
                  aria-label={t('intent.remove', { name: label })}
                  icon={<Trash2 size={16} />}
                  onClick={() => {
                    onChange(removeAt(intents, i));
                    onRemoved?.(intent);
                  }}
                />
              </div>
              {renderExtra?.(intent, update)}
              <PhraseEditor
                owner={label}
                phrases={intent.examples}
                clashesWith={(key) => clashes.get(key)?.filter((id) => id !== intent.id).map(groupName)}
                onChange={(examples) => update({ examples } as Partial<T>)}
              />
            </li>
          );
        })}
      </ol>
      <Button
        size="sm"
        variant="ghost"
        icon={<Plus size={16} aria-hidden />}
        disabled={intents.length >= max}
        onClick={() => onChange([...intents, create(uniqueId('intent', (c) => intents.some((x) => x.id === c)))])}
      >
        {t('intent.add')}
      </Button>
    </>
  );
}
