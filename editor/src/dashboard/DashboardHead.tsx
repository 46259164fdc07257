import { useTranslation } from 'react-i18next';
import { Plus, Upload } from 'lucide-react';
import { Button } from '../ui';

interface DashboardHeadProps {
  subtitle: string;
  importing: boolean;
  onImport: () => void;
  onNew: () => void;
}

/** The page title, the flow count and the two ways to add a flow. */
export function DashboardHead({ subtitle, importing, onImport, onNew }: DashboardHeadProps) {
  const { t } = useTranslation('dashboard');
  return (
    <div className="sb-dashboard__head">
      <div>
        <h1 id="sb-dashboard-title" className="sb-dashboard__title">
          {t('title')}
        </h1>
        <p className="sb-dashboard__subtitle">{subtitle}</p>
      </div>
      <div className="sb-dashboard__actions">
        <Button icon={<Upload size={16} aria-hidden />} busy={importing} onClick={onImport}>
          {t('import.button')}
        </Button>
        <Button variant="primary" icon={<Plus size={16} aria-hidden />} onClick={onNew}>
          {t('newFlow.button')}
        </Button>
      </div>
    </div>
  );
}
