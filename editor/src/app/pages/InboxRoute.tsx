import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Inbox } from 'lucide-react';
import { lazyPage } from './lazyPage';
import { LoadingState, PageState } from './PageState';

const InboxPage = lazyPage<object>(import.meta.glob('../../inbox/InboxPage.tsx'));

export function InboxRoute() {
  const { t } = useTranslation('common');
  if (!InboxPage) {
    return (
      <PageState title={t('nav.inbox')} icon={<Inbox size={32} aria-hidden />}>
        <p>{t('inboxUnavailable')}</p>
      </PageState>
    );
  }
  return (
    <Suspense fallback={<LoadingState />}>
      <InboxPage />
    </Suspense>
  );
}
