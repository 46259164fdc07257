import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from './validation';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export interface FieldProps {
  label: ReactNode;
  help?: ReactNode;
  error?: FieldError;
  /** Renders the control with the ids that tie it to its label, help and error. */
  children: (control: FieldControlProps) => ReactNode;
  className?: string;
}

/** Label, control, plain-language help and the inline error, laid out the same everywhere. */
export function Field({ label, help, error, children, className }: FieldProps) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `sb-field ${className}` : 'sb-field'}>
      <label htmlFor={id} className="sb-field__label">
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <span id={errorId} className="sb-field__error" role="alert">
          {t(error.key, error.values)}
        </span>
      )}
      {help && (
        <span id={helpId} className="sb-field__hint">
          {help}
        </span>
      )}
    </div>
  );
}
