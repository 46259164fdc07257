import { ChevronDown, ChevronUp } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton, Tabs } from '../../ui';
import { useEditorStore } from '../store';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { SettingsPanel } from '../panels/SettingsPanel';
import { VariablesPanel } from '../panels/VariablesPanel';
import { TestsPanel } from '../flowtests/TestsPanel';

type PanelId = 'problems' | 'variables' | 'settings' | 'tests';

/** Problems, variables and settings share one collapsible strip under the canvas. */
export function BottomPanel() {
  const { t } = useTranslation('canvas');
  const [tab, setTab] = useState<PanelId>('problems');
  const [open, setOpen] = useState(false);
  const problemCount = useEditorStore((s) => s.problems.length);
  const content = (C: React.ComponentType) => (open ? <C /> : null);
  return (
    <section className={`fe-bottom${open ? ' fe-bottom--open' : ''}`}>
      <Tabs
        aria-label={t('page.panelTabs')}
        value={tab}
        onChange={(id) => {
          setTab(id as PanelId);
          setOpen(true);
        }}
        tabs={[
          {
            id: 'problems',
            label: (
              <>
                {t('page.problems')}
                {problemCount > 0 && <span className="fe-count">{problemCount}</span>}
              </>
            ),
            content: content(ProblemsPanel),
          },
          { id: 'variables', label: t('page.variables'), content: content(VariablesPanel) },
          { id: 'settings', label: t('page.settings'), content: content(SettingsPanel) },
          { id: 'tests', label: t('preview:tests.tab'), content: content(TestsPanel) },
        ]}
      />
      <IconButton
        className="fe-bottom__toggle"
        aria-label={open ? t('page.hidePanel') : t('page.showPanel')}
        aria-expanded={open}
        icon={open ? <ChevronDown size={16} aria-hidden /> : <ChevronUp size={16} aria-hidden />}
        onClick={() => setOpen((o) => !o)}
      />
    </section>
  );
}
