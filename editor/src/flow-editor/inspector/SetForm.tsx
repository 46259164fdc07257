import { useTranslation } from 'react-i18next';
import { Plus, Trash2 } from 'lucide-react';
import { assignmentModeSchema, type Assignment, type SetNode } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Field } from './Field';
import { removeAt, replaceAt } from './listOps';
import { mathExpressionError } from './mathExpression';
import { VariablePicker } from './VariablePicker';
import { VariableTextField } from './VariableTextField';
import { usePatchNodeData } from './useNodeData';
import { useKnownVariables } from './knownVariables';

function modeOf(a: Assignment): NonNullable<Assignment['mode']> {
  return a.mode ?? (typeof a.value === 'string' ? 'template' : 'literal');
}

export function SetForm({ node }: { node: SetNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'set'>(node.id);
  const known = useKnownVariables();
  const { assignments } = node.data;
  const update = (i: number, a: Assignment) => patch({ assignments: replaceAt(assignments, i, a) });

  function add() {
    const variable = known[0] ?? 'value';
    patch({ assignments: [...assignments, { variable, value: '', mode: 'template' }] });
  }

  return (
    <div className="sb-insp-group">
      <h3 className="sb-insp-group__title">{t('set.assignments')}</h3>
      <p className="sb-field__hint">{t('set.assignmentsHelp')}</p>
      <ol className="sb-insp-list">
        {assignments.map((a, i) => {
          const mode = modeOf(a);
          const value = String(a.value);
          const error = mode === 'math' ? mathExpressionError(value) : null;
          return (
            <li key={i} className="sb-insp-card" data-testid="assignment-row">
              <div className="sb-insp-card__head">
                <span className="sb-insp-card__title">{t('set.assignmentN', { n: i + 1 })}</span>
                <IconButton
                  tone="danger"
                  aria-label={t('set.removeAssignment', { n: i + 1 })}
                  icon={<Trash2 size={16} />}
                  onClick={() => patch({ assignments: removeAt(assignments, i) })}
                />
              </div>
              <VariablePicker
                label={t('set.variable')}
                value={a.variable}
                createType={mode === 'math' ? 'number' : 'string'}
                onChange={(v) => v && update(i, { ...a, variable: v })}
              />
              <Field label={t('set.mode')} help={t(`set.modeHelp.${mode}`, { example: mode === 'math' ? '{{count}} + 1' : '{{name}}' })}>
                {(p) => (
                  <select
                    {...p}
                    className="sb-select"
                    value={mode}
                    onChange={(e) => update(i, { ...a, value, mode: assignmentModeSchema.parse(e.target.value) })}
                  >
                    {assignmentModeSchema.options.map((m) => (
                      <option key={m} value={m}>
                        {t(`set.modes.${m}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('set.value')} error={error}>
                {(p) =>
                  mode === 'literal' ? (
                    <input {...p} className="sb-input" value={value} maxLength={2000} onChange={(e) => update(i, { ...a, value: e.target.value })} />
                  ) : (
                    <VariableTextField
                      {...p}
                      value={value}
                      maxLength={2000}
                      placeholder={mode === 'math' ? '{{count}} + 1' : undefined}
                      onChange={(v) => update(i, { ...a, value: v })}
                    />
                  )
                }
              </Field>
            </li>
          );
        })}
      </ol>
      <Button size="sm" variant="ghost" icon={<Plus size={16} aria-hidden />} disabled={assignments.length >= 50} onClick={add}>
        {t('set.addAssignment')}
      </Button>
    </div>
  );
}
