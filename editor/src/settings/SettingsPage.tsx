import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../app/router';
import { Tabs } from '../ui';
import { SETTINGS_SECTIONS, sectionFromSearch } from './sections';
import './settings.css';

/**
 * The organisation page for admins: one tab per section, the open one in `?section=` so a link
 * (or a reload) lands on it. Each section is its own component and loads its own data.
 */
export default function SettingsPage() {
  const { t } = useTranslation('settings');
  const { search } = useLocation();
  const current = sectionFromSearch(search);
  return (
    <main className="sb-settings" aria-labelledby="sb-settings-title">
      <div className="sb-settings__inner sb-settings__inner--wide">
        <h1 id="sb-settings-title" className="sb-settings__title">
          {t('title')}
        </h1>
        <Tabs
          aria-label={t('sections.label')}
          value={current}
          onChange={(id) => navigate(id === SETTINGS_SECTIONS[0].id ? '/settings' : `/settings?section=${id}`, { replace: true })}
          tabs={SETTINGS_SECTIONS.map(({ id, Component }) => ({
            id,
            label: t(`sections.${id}`),
            content: id === current ? <Component /> : null,
          }))}
        />
      </div>
    </main>
  );
}
