import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, Trash2 } from 'lucide-react';
import type { FaqItem } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Field } from './Field';
import { removeAt, replaceAt } from './listOps';
import { PhraseEditor } from './PhraseEditor';
import { findPhraseClashes } from './phrases';
import { VariableTextField } from './VariableTextField';

export const MAX_FAQ_ITEMS = 500;

export interface FaqItemsEditorProps {
  items: readonly FaqItem[];
  onChange: (items: FaqItem[]) => void;
  onAdd: () => void;
}

/**
 * Question-and-answer pairs. Each pair folds to its question so a list imported from a
 * spreadsheet stays scannable; empty pairs start open because they still need writing.
 */
export function FaqItemsEditor({ items, onChange, onAdd }: FaqItemsEditorProps) {
  const { t } = useTranslation('inspector');
  // The question and its variants all train the same answer, so clashes are between items.
  const clashes = useMemo(() => findPhraseClashes(items.map((it) => ({ id: it.id, examples: [it.question, ...(it.variants ?? [])] }))), [items]);
  const nameOf = (id: string) => items.find((it) => it.id === id)?.question ?? id;

  return (
    <fieldset className="sb-insp-group">
      <legend className="sb-insp-group__title">{t('faq.items', { count: items.length })}</legend>
      <p className="sb-field__hint">{t('faq.itemsHelp')}</p>
      <ol className="sb-insp-list">
        {items.map((item, i) => {
          const label = item.question || t('faq.itemN', { n: i + 1 });
          const update = (patch: Partial<FaqItem>) => onChange(replaceAt(items, i, { ...item, ...patch }));
          const clashesWith = (key: string) => clashes.get(key)?.filter((id) => id !== item.id).map(nameOf);
          return (
            <li key={item.id} className="sb-insp-card" data-testid="faq-item">
              <Foldable summary={label} startOpen={item.question === '' || item.answer === ''}>
                <div className="sb-faq__body">
                  <div className="sb-insp-card__head">
                    <label className="sb-visually-hidden" htmlFor={`faq-q-${item.id}`}>
                      {t('faq.questionOf', { n: i + 1 })}
                    </label>
                    <input
                      id={`faq-q-${item.id}`}
                      className="sb-input"
                      value={item.question}
                      maxLength={500}
                      placeholder={t('faq.questionPlaceholder')}
                      onChange={(e) => update({ question: e.target.value })}
                    />
                    <IconButton
                      tone="danger"
                      aria-label={t('faq.remove', { question: label })}
                      icon={<Trash2 size={16} />}
                      onClick={() => onChange(removeAt(items, i))}
                    />
                  </div>
                  <span className="sb-field__label">{t('faq.variants')}</span>
                  <PhraseEditor
                    owner={label}
                    phrases={item.variants ?? []}
                    placeholder={t('faq.variantPlaceholder')}
                    clashesWith={clashesWith}
                    onChange={(variants) => {
                      const { variants: _old, ...rest } = item;
                      onChange(replaceAt(items, i, variants.length > 0 ? { ...rest, variants } : rest));
                    }}
                  />
                  <Field label={t('faq.answerOf', { n: i + 1 })}>
                    {(p) => <VariableTextField {...p} multiline rows={3} value={item.answer} maxLength={5000} onChange={(answer) => update({ answer })} />}
                  </Field>
                </div>
              </Foldable>
            </li>
          );
        })}
      </ol>
      <Button size="sm" variant="ghost" icon={<Plus size={16} aria-hidden />} disabled={items.length >= MAX_FAQ_ITEMS} onClick={onAdd}>
        {t('faq.add')}
      </Button>
    </fieldset>
  );
}

/** Open state is the user's from the first render on: typing a question must not fold it shut. */
function Foldable({ summary, startOpen, children }: { summary: string; startOpen: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(startOpen);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="sb-faq__summary">{summary}</summary>
      {open && children}
    </details>
  );
}
