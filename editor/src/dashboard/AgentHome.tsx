import { useTranslation } from 'react-i18next';
import { Inbox } from 'lucide-react';
import { Link } from '../app/router';
import { PageState } from '../app/pages/PageState';

/** Agents answer conversations; flows are not theirs to see, so their home points to the inbox. */
export function AgentHome() {
  const { t } = useTranslation('dashboard');
  return (
    <PageState title={t('agent.title')} icon={<Inbox size={32} aria-hidden />}>
      <p>{t('agent.body')}</p>
      <Link to="/inbox" className="sb-button sb-button--primary">
        {t('agent.openInbox')}
      </Link>
    </PageState>
  );
}
