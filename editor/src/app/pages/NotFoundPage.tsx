import { useTranslation } from 'react-i18next';
import { Link } from '../router';
import { PageState } from './PageState';

export function NotFoundPage() {
  const { t } = useTranslation('common');
  return (
    <PageState title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.back')}</Link>
    </PageState>
  );
}
