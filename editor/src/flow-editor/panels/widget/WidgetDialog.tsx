import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowSettings } from '@switchboard/runtime';
import { Button, Dialog } from '../../../ui';
import { WidgetForm } from './WidgetForm';
import { WidgetPreview } from './WidgetPreview';

type Widget = FlowSettings['widget'];

/**
 * The widget editor in its own large dialog: the bottom panel under the canvas is too short to
 * show the form and the whole widget at once, and a manager judges a colour or title by seeing
 * the full window beside the fields. Edits apply as they are typed, so closing never loses one.
 */
export function WidgetDialog({ open, onClose, value, locale, onChange }: { open: boolean; onClose: () => void; value: Widget; locale: string; onChange: (next: Widget) => void }) {
  const { t } = useTranslation('panels');
  const [previewOpen, setPreviewOpen] = useState(true);
  const titleField = useRef<HTMLInputElement>(null);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      initialFocus={titleField}
      className="sb-widget-dialog"
      title={t('settings.widget.dialogTitle')}
      description={t('settings.widget.help')}
      footer={
        <Button variant="primary" onClick={onClose}>
          {t('settings.widget.done')}
        </Button>
      }
    >
      <div className="sb-widget-settings__body">
        <WidgetForm value={value} locale={locale} onChange={onChange} titleRef={titleField} />
        <div className="sb-widget-settings__preview">
          <div className="sb-widget-settings__preview-head">
            <span className="sb-field__label">{t('settings.widget.preview')}</span>
            <button type="button" className="sb-button sb-button--ghost sb-button--sm" aria-pressed={!previewOpen} onClick={() => setPreviewOpen((o) => !o)}>
              {previewOpen ? t('settings.widget.showClosed') : t('settings.widget.showOpen')}
            </button>
          </div>
          <WidgetPreview widget={value} locale={locale} open={previewOpen} />
        </div>
      </div>
    </Dialog>
  );
}
