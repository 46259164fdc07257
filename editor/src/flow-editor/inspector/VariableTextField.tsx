import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { filterVariables, insertVariable, openTemplateAt, type OpenTemplate } from './templateCompletion';
import { readKnownVariables } from './knownVariables';

export interface VariableTextFieldProps {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-label'?: string;
  /** The names offered; read from the store when the list opens if not given. */
  variables?: readonly string[];
  maxLength?: number;
}

interface ListState {
  open: OpenTemplate;
  items: string[];
  active: number;
}

/**
 * A text input that completes `{{variable}}` placeholders. The list of names is read when the
 * popup opens rather than subscribed to, so typing in the inspector never re-renders on other
 * nodes' edits.
 */
export function VariableTextField(props: VariableTextFieldProps) {
  const { t } = useTranslation('inspector');
  const generatedId = useId();
  const id = props.id ?? generatedId;
  const listId = `${id}-variables`;
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [list, setList] = useState<ListState | null>(null);
  const pendingCaret = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (pendingCaret.current !== null && ref.current) {
      ref.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  function refresh(text: string, caret: number) {
    const open = openTemplateAt(text, caret);
    if (!open) {
      setList(null);
      return;
    }
    const items = filterVariables(props.variables ?? readKnownVariables(), open.query);
    setList((prev) => ({ open, items, active: prev && prev.items[prev.active] && items.includes(prev.items[prev.active]!) ? items.indexOf(prev.items[prev.active]!) : 0 }));
  }

  function choose(name: string) {
    const el = ref.current;
    if (!el || !list) return;
    const caret = el.selectionStart ?? props.value.length;
    const next = insertVariable(props.value, caret, list.open, name);
    pendingCaret.current = next.caret;
    setList(null);
    props.onChange(next.text);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (!list) return;
    const count = list.items.length;
    if (e.key === 'ArrowDown' && count > 0) {
      e.preventDefault();
      setList({ ...list, active: (list.active + 1) % count });
    } else if (e.key === 'ArrowUp' && count > 0) {
      e.preventDefault();
      setList({ ...list, active: (list.active - 1 + count) % count });
    } else if ((e.key === 'Enter' || e.key === 'Tab') && count > 0) {
      e.preventDefault();
      choose(list.items[list.active]!);
    } else if (e.key === 'Escape') {
      // Closing the popup must not also close a dialog or deselect the node.
      e.preventDefault();
      e.stopPropagation();
      setList(null);
    }
  }

  const activeId = list && list.items.length > 0 ? `${listId}-${list.active}` : undefined;
  const common = {
    ref,
    id,
    value: props.value,
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    className: 'sb-input',
    role: 'combobox' as const,
    'aria-autocomplete': 'list' as const,
    'aria-expanded': list !== null,
    'aria-controls': listId,
    'aria-activedescendant': activeId,
    'aria-describedby': props['aria-describedby'],
    'aria-invalid': props['aria-invalid'] || undefined,
    'aria-label': props['aria-label'],
    onChange: (e: { target: HTMLInputElement | HTMLTextAreaElement }) => {
      props.onChange(e.target.value);
      refresh(e.target.value, e.target.selectionStart ?? e.target.value.length);
    },
    onKeyDown,
    onKeyUp: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') {
        refresh(e.currentTarget.value, e.currentTarget.selectionStart ?? 0);
      }
    },
    onBlur: () => setList(null),
  };

  return (
    <div className="sb-vtf">
      {props.multiline ? <textarea {...common} rows={props.rows ?? 3} /> : <input type="text" {...common} />}
      <ul id={listId} role="listbox" className="sb-vtf-list" hidden={list === null} aria-label={t('variableField.listLabel')}>
        {list?.items.map((name, i) => (
          <li
            key={name}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === list.active}
            className="sb-vtf-option"
            // mousedown, not click: the input would blur first and close the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(name);
            }}
          >
            <code>{`{{${name}}}`}</code>
          </li>
        ))}
        {list && list.items.length === 0 && (
          <li className="sb-vtf-empty" role="presentation">
            {t('variableField.noMatch')}
          </li>
        )}
      </ul>
    </div>
  );
}
