import { useTranslation } from 'react-i18next';
import { Plus, Upload, Workflow } from 'lucide-react';
import { Button } from '../ui';

export function EmptyState({ onNew, onImport }: { onNew: () => void; onImport: () => void }) {
  const { t } = useTranslation('dashboard');
  return (
    <section className="sb-empty" aria-labelledby="sb-empty-title">
      <div className="sb-empty__icon" aria-hidden>
        <Workflow size={28} />
      </div>
      <h2 id="sb-empty-title">{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      <div className="sb-empty__actions">
        <Button variant="primary" icon={<Plus size={16} aria-hidden />} onClick={onNew}>
          {t('newFlow.button')}
        </Button>
        <Button icon={<Upload size={16} aria-hidden />} onClick={onImport}>
          {t('import.button')}
        </Button>
      </div>
      <p className="sb-muted sb-empty__hint">{t('import.dropHint')}</p>
    </section>
  );
}
