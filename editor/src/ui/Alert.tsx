import type { ReactNode } from 'react';
import { AlertCircle, AlertTriangle } from 'lucide-react';
import { cx } from './cx';

export interface AlertProps {
  tone?: 'error' | 'warning';
  children: ReactNode;
  className?: string;
}

/** An inline message tied to the content around it; announced when it appears. */
export function Alert({ tone = 'error', children, className }: AlertProps) {
  return (
    <div className={cx('sb-alert', `sb-alert--${tone}`, className)} role="alert">
      {tone === 'error' ? <AlertCircle size={16} aria-hidden /> : <AlertTriangle size={16} aria-hidden />}
      <div>{children}</div>
    </div>
  );
}
