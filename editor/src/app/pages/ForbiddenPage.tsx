import { useTranslation } from 'react-i18next';
import { Link } from '../router';
import { PageState } from './PageState';

export function ForbiddenPage() {
  const { t } = useTranslation('common');
  return (
    <PageState title={t('forbidden.title')}>
      <p>{t('forbidden.body')}</p>
      <Link to="/">{t('notFound.back')}</Link>
    </PageState>
  );
}
