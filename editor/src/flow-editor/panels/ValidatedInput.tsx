import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ValidatedInputProps<T> extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: T;
  format: (value: T) => string;
  parse: (text: string) => Parsed<T>;
  onCommit: (value: T) => void;
  /** i18n key of the error is looked up in the `panels` namespace. */
  errorId?: string;
}

/**
 * Keeps what the user typed even while it is invalid, shows why, and only writes valid values to
 * the document, so a half-typed number never reaches the saved flow.
 */
export function ValidatedInput<T>({ value, format, parse, onCommit, id, ...rest }: ValidatedInputProps<T>) {
  const { t } = useTranslation('panels');
  const [text, setText] = useState(format(value));
  const parsed = parse(text);

  useEffect(() => {
    // Undo/redo or another panel changed the value: show it, unless it is what we already show.
    const current = parse(text);
    if (!current.ok || format(current.value) !== format(value)) setText(format(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const errorId = `${id}-error`;
  return (
    <>
      <input
        id={id}
        className="sb-input"
        {...rest}
        value={text}
        aria-invalid={parsed.ok ? undefined : true}
        aria-describedby={parsed.ok ? rest['aria-describedby'] : errorId}
        onChange={(e) => {
          setText(e.target.value);
          const next = parse(e.target.value);
          if (next.ok) onCommit(next.value);
        }}
      />
      {!parsed.ok && (
        <span id={errorId} className="sb-field__error" role="alert">
          {t(parsed.error)}
        </span>
      )}
    </>
  );
}
