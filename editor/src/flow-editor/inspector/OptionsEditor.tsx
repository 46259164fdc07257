import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp, GripVertical, Plus, Trash2 } from 'lucide-react';
import type { ChoiceOption } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { uniqueId } from '../model/ids';
import { moveItem, removeAt, replaceAt } from './listOps';
import { SynonymChips } from './SynonymChips';
import { useDragReorder } from './useDragReorder';

const MAX_OPTIONS = 50;

export interface OptionsEditorProps {
  options: ChoiceOption[];
  onChange: (options: ChoiceOption[]) => void;
  /** Called after an option is removed, so its outgoing connection can go too. */
  onRemoved?: (option: ChoiceOption) => void;
}

/**
 * The buttons a customer picks from. Option ids are the card's handle ids, so they are
 * generated once and never change when an option is renamed or moved.
 */
export function OptionsEditor({ options, onChange, onRemoved }: OptionsEditorProps) {
  const { t } = useTranslation('inspector');
  const move = (from: number, to: number) => onChange(moveItem(options, from, to));
  const drag = useDragReorder(move);

  function add() {
    const id = uniqueId('opt', (candidate) => options.some((o) => o.id === candidate));
    onChange([...options, { id, label: '' }]);
  }

  return (
    <fieldset className="sb-insp-group">
      <legend className="sb-insp-group__title">{t('choice.options')}</legend>
      <p className="sb-field__hint">{t('choice.optionsHelp')}</p>
      <ol className="sb-insp-list">
        {options.map((option, i) => {
          const name = option.label || t('choice.optionN', { n: i + 1 });
          return (
            <li key={option.id} className="sb-insp-card" {...drag.itemProps(i)} data-testid="option-row">
              <div className="sb-insp-card__head">
                <span className="sb-drag-handle" {...drag.handleProps(i)} title={t('choice.dragToReorder')} aria-hidden>
                  <GripVertical size={16} />
                </span>
                <label className="sb-visually-hidden" htmlFor={`opt-${option.id}`}>
                  {t('choice.optionLabel', { n: i + 1 })}
                </label>
                <input
                  id={`opt-${option.id}`}
                  className="sb-input"
                  value={option.label}
                  maxLength={200}
                  placeholder={t('choice.optionPlaceholder')}
                  onChange={(e) => onChange(replaceAt(options, i, { ...option, label: e.target.value }))}
                />
                <IconButton aria-label={t('choice.moveUp', { label: name })} icon={<ArrowUp size={16} />} disabled={i === 0} onClick={() => move(i, i - 1)} />
                <IconButton
                  aria-label={t('choice.moveDown', { label: name })}
                  icon={<ArrowDown size={16} />}
                  disabled={i === options.length - 1}
                  onClick={() => move(i, i + 1)}
                />
                <IconButton
                  tone="danger"
                  aria-label={t('choice.removeOption', { label: name })}
                  icon={<Trash2 size={16} />}
                  onClick={() => {
                    onChange(removeAt(options, i));
                    onRemoved?.(option);
                  }}
                />
              </div>
              <SynonymChips
                optionLabel={option.label}
                synonyms={option.synonyms ?? []}
                onChange={(synonyms) => {
                  const { synonyms: _old, ...rest } = option;
                  onChange(replaceAt(options, i, synonyms.length > 0 ? { ...rest, synonyms } : rest));
                }}
              />
            </li>
          );
        })}
      </ol>
      <Button size="sm" variant="ghost" icon={<Plus size={16} aria-hidden />} disabled={options.length >= MAX_OPTIONS} onClick={add}>
        {t('choice.addOption')}
      </Button>
    </fieldset>
  );
}
