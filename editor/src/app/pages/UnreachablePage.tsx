import { useTranslation } from 'react-i18next';
import { WifiOff } from 'lucide-react';
import { Button } from '../../ui';
import { PageState } from './PageState';

export function UnreachablePage({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation('common');
  return (
    <PageState title={t('unreachable.title')} icon={<WifiOff size={32} aria-hidden />}>
      <p>{t('unreachable.body')}</p>
      <Button variant="primary" onClick={onRetry}>
        {t('retry')}
      </Button>
    </PageState>
  );
}
