import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { cx } from './cx';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  label: ReactNode;
  hideLabel?: boolean;
  options: SelectOption[];
  hint?: ReactNode;
  error?: ReactNode;
}

/** A native select: keyboard, screen readers and mobile pickers work without extra code. */
export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { label, hideLabel = false, options, hint, error, id, className, ...rest },
  ref,
) {
  const autoId = useId();
  const selectId = id ?? autoId;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className={cx('sb-field', className)}>
      <label htmlFor={selectId} className={hideLabel ? 'sb-visually-hidden' : 'sb-field__label'}>
        {label}
      </label>
      <select
        ref={ref}
        id={selectId}
        className="sb-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
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
