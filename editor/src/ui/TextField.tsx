import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { cx } from './cx';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> {
  label: ReactNode;
  /** Hides the label visually but keeps it for screen readers (e.g. a search box with an icon). */
  hideLabel?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  icon?: ReactNode;
  multiline?: false;
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, hideLabel = false, hint, error, icon, id, className, ...rest },
  ref,
) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const input = (
    <input
      ref={ref}
      id={inputId}
      className="sb-input"
      aria-invalid={error ? true : undefined}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      {...rest}
    />
  );
  return (
    <div className={cx('sb-field', className)}>
      <label htmlFor={inputId} className={hideLabel ? 'sb-visually-hidden' : 'sb-field__label'}>
        {label}
      </label>
      {icon ? (
        <div className="sb-input-with-icon">
          {icon}
          {input}
        </div>
      ) : (
        input
      )}
      {hint && (
        <span id={hintId} className="sb-field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="sb-field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
});
