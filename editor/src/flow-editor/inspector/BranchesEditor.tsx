import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp, GripVertical, Plus, Trash2 } from 'lucide-react';
import type { ConditionBranch } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { uniqueId } from '../model/ids';
import { useKnownVariables } from './knownVariables';
import { moveItem, removeAt, replaceAt } from './listOps';
import { RuleBuilder } from './RuleBuilder';
import { useDragReorder } from './useDragReorder';

const MAX_BRANCHES = 50;

export interface BranchesEditorProps {
  branches: ConditionBranch[];
  onChange: (branches: ConditionBranch[]) => void;
  onRemoved?: (branch: ConditionBranch) => void;
}

/** Branches are tried top to bottom; the first that matches wins, else the "otherwise" exit. */
export function BranchesEditor({ branches, onChange, onRemoved }: BranchesEditorProps) {
  const { t } = useTranslation('inspector');
  const variables = useKnownVariables();
  const move = (from: number, to: number) => onChange(moveItem(branches, from, to));
  const drag = useDragReorder(move);

  function addBranch() {
    const id = uniqueId('br', (c) => branches.some((b) => b.id === c));
    // A rule needs a real variable name to be saveable, so a flow without variables starts empty.
    const first = variables[0];
    onChange([...branches, { id, label: '', match: 'all', rules: first ? [{ variable: first, op: 'equals', value: '' }] : [] }]);
  }

  return (
    <div className="sb-insp-group">
      <h3 className="sb-insp-group__title">{t('condition.branches')}</h3>
      <p className="sb-field__hint">{t('condition.branchesHelp')}</p>
      <ol className="sb-insp-list">
        {branches.map((branch, i) => {
          const name = branch.label || t('condition.branchN', { n: i + 1 });
          const update = (b: ConditionBranch) => onChange(replaceAt(branches, i, b));
          return (
            <li key={branch.id} className="sb-insp-card" {...drag.itemProps(i)} data-testid="branch-row">
              <div className="sb-insp-card__head">
                <span className="sb-drag-handle" {...drag.handleProps(i)} title={t('choice.dragToReorder')} aria-hidden>
                  <GripVertical size={16} />
                </span>
                <label className="sb-visually-hidden" htmlFor={`br-${branch.id}`}>
                  {t('condition.branchLabel', { n: i + 1 })}
                </label>
                <input
                  id={`br-${branch.id}`}
                  className="sb-input"
                  value={branch.label}
                  maxLength={200}
                  placeholder={t('condition.branchPlaceholder')}
                  onChange={(e) => update({ ...branch, label: e.target.value })}
                />
                <IconButton aria-label={t('condition.moveUp', { label: name })} icon={<ArrowUp size={16} />} disabled={i === 0} onClick={() => move(i, i - 1)} />
                <IconButton
                  aria-label={t('condition.moveDown', { label: name })}
                  icon={<ArrowDown size={16} />}
                  disabled={i === branches.length - 1}
                  onClick={() => move(i, i + 1)}
                />
                <IconButton
                  tone="danger"
                  aria-label={t('condition.removeBranch', { label: name })}
                  icon={<Trash2 size={16} />}
                  onClick={() => {
                    onChange(removeAt(branches, i));
                    onRemoved?.(branch);
                  }}
                />
              </div>
              <label className="sb-insp-match">
                <span>{t('condition.matchPrefix')}</span>
                <select
                  className="sb-select sb-select--inline"
                  value={branch.match}
                  aria-label={t('condition.match', { label: name })}
                  onChange={(e) => update({ ...branch, match: e.target.value === 'any' ? 'any' : 'all' })}
                >
                  <option value="all">{t('condition.matchAll')}</option>
                  <option value="any">{t('condition.matchAny')}</option>
                </select>
                <span>{t('condition.matchSuffix')}</span>
              </label>
              {variables.length === 0 && <p className="sb-field__hint">{t('condition.noVariables')}</p>}
              {branch.rules.map((rule, r) => (
                <RuleBuilder
                  key={r}
                  index={r}
                  rule={rule}
                  variables={variables}
                  onChange={(next) => update({ ...branch, rules: replaceAt(branch.rules, r, next) })}
                  onRemove={() => update({ ...branch, rules: removeAt(branch.rules, r) })}
                />
              ))}
              <Button
                size="sm"
                variant="ghost"
                icon={<Plus size={16} aria-hidden />}
                disabled={branch.rules.length >= 50 || variables.length === 0}
                onClick={() => update({ ...branch, rules: [...branch.rules, { variable: variables[0]!, op: 'equals', value: '' }] })}
              >
                {t('condition.addRule')}
              </Button>
            </li>
          );
        })}
      </ol>
      <p className="sb-field__hint">{t('condition.elseHelp')}</p>
      <Button size="sm" variant="ghost" icon={<Plus size={16} aria-hidden />} disabled={branches.length >= MAX_BRANCHES} onClick={addBranch}>
        {t('condition.addBranch')}
      </Button>
    </div>
  );
}
