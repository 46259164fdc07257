import type { ReactNode } from 'react';
import { Loader2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** Full-area placeholder for loading, empty, error and not-found states. */
export function PageState({ title, children, icon }: { title?: ReactNode; children?: ReactNode; icon?: ReactNode }) {
  return (
    <div className="sb-page-state">
      {icon}
      {title && <h1>{title}</h1>}
      {children}
    </div>
  );
}

export function LoadingState() {
  const { t } = useTranslation('common');
  return (
    <div className="sb-page-state" role="status" aria-live="polite">
      <Loader2 size={28} className="sb-spinner" aria-hidden />
      <span>{t('loading')}</span>
    </div>
  );
}
