import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Palette } from 'lucide-react';
import type { FlowSettings } from '@switchboard/runtime';
import { Button } from '../../../ui';
import { labelsFor } from '../../../widget/render/labels';
import { WidgetDialog } from './WidgetDialog';
import { DEFAULT_WIDGET_COLOR } from './WidgetForm';

type Widget = FlowSettings['widget'];

/**
 * Flow settings → Widget: what customers see, in one line, and the button that opens the editor
 * with the form and the whole real widget side by side.
 */
export function WidgetSection({ value, locale, onChange }: { value: Widget; locale: string; onChange: (next: Widget) => void }) {
  const { t } = useTranslation('panels');
  const [editing, setEditing] = useState(false);
  const title = value.title || labelsFor(locale).defaultTitle;
  const color = value.primaryColor ?? DEFAULT_WIDGET_COLOR;
  const position = value.launcherPosition === 'left' ? t('settings.widget.left') : t('settings.widget.right');

  return (
    <fieldset className="sb-settings__group sb-widget-settings">
      <legend className="sb-settings__title">{t('settings.widget.title')}</legend>
      <p className="sb-field__hint">{t('settings.widget.help')}</p>
      <div className="sb-widget-settings__summary" data-testid="widget-summary">
        <span className="sb-widget-settings__dot" style={{ background: color }} aria-hidden />
        <span>{t('settings.widget.summary', { title, color, position })}</span>
      </div>
      <div>
        <Button icon={<Palette size={16} aria-hidden />} onClick={() => setEditing(true)}>
          {t('settings.widget.edit')}
        </Button>
      </div>
      <WidgetDialog open={editing} onClose={() => setEditing(false)} value={value} locale={locale} onChange={onChange} />
    </fieldset>
  );
}
