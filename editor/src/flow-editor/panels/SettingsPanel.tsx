import { useEditorStore } from '../store';
import { AllowedOrigins } from './AllowedOrigins';
import { BusinessHoursEditor } from './BusinessHoursEditor';
import { ConversationSettings } from './ConversationSettings';
import { GeneralSettings } from './GeneralSettings';
import { GlobalIntentsSection } from './GlobalIntentsSection';
import { HandoffSettings } from './HandoffSettings';
import { patchSettings } from './patchSettings';
import { PrivacySection } from './PrivacySection';
import { WidgetSection } from './widget/WidgetSection';
import './panels.css';

/** The flow's settings: one section per concern. */
export function SettingsPanel() {
  const settings = useEditorStore((s) => s.meta.settings);
  const locale = useEditorStore((s) => s.meta.locale);

  return (
    <div className="sb-panel sb-flow-settings">
      <GeneralSettings />
      <ConversationSettings />
      <HandoffSettings />

      <GlobalIntentsSection value={settings.globalIntents} onChange={(globalIntents) => patchSettings({ globalIntents })} />
      <BusinessHoursEditor value={settings.businessHours} onChange={(businessHours) => patchSettings({ businessHours })} />
      <WidgetSection value={settings.widget} locale={locale} onChange={(widget) => patchSettings({ widget })} />
      <AllowedOrigins value={settings.allowedOrigins} onChange={(allowedOrigins) => patchSettings({ allowedOrigins })} />
      <PrivacySection value={settings.privacy} onChange={(privacy) => patchSettings({ privacy })} />
    </div>
  );
}
