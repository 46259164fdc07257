import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { cx } from './cx';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'children'> {
  /** Required: an icon alone says nothing to a screen reader. Also used as the tooltip. */
  'aria-label': string;
  icon: ReactNode;
  tone?: 'neutral' | 'danger';
}

export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { icon, tone = 'neutral', className, type = 'button', title, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      title={title ?? rest['aria-label']}
      className={cx('sb-icon-button', tone === 'danger' && 'sb-icon-button--danger', className)}
      {...rest}
    >
      {icon}
    </button>
  );
});
