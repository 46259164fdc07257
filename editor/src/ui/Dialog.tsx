import { useId, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { IconButton } from './IconButton';
import { useFocusTrap } from './useFocusTrap';
import { cx } from './cx';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons, right-aligned; put the primary action last. */
  footer?: ReactNode;
  wide?: boolean;
  /** Extra class on the dialog box, for a dialog that needs its own size or layout. */
  className?: string;
  /** Element to focus on open instead of the first focusable one. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** `alertdialog` for destructive confirmations so screen readers announce them at once. */
  role?: 'dialog' | 'alertdialog';
}

/** A modal dialog: focus-trapped, Escape and backdrop click close it, focus returns to the opener. */
export function Dialog({ open, onClose, title, description, children, footer, wide, className, initialFocus, role = 'dialog' }: DialogProps) {
  const { t } = useTranslation('common');
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useFocusTrap(ref, open, initialFocus);
  if (!open) return null;
  return createPortal(
    <div
      className="sb-dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        className={cx('sb-dialog', wide && 'sb-dialog--wide', className)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <div className="sb-dialog__header">
          <div>
            <h2 id={titleId} className="sb-dialog__title">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="sb-dialog__description">
                {description}
              </p>
            )}
          </div>
          <IconButton aria-label={t('close')} icon={<X size={18} aria-hidden />} onClick={onClose} />
        </div>
        {children !== undefined && <div className="sb-dialog__body">{children}</div>}
        {footer && <div className="sb-dialog__footer">{footer}</div>}
      </div>
    </div>,
    document.body,
  );
}
