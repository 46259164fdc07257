import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowSettings } from '@switchboard/runtime';
import { resolveTheme } from '../../../widget/embedOptions';
import { labelsFor } from '../../../widget/render/labels';
import { WidgetView } from '../../../widget/view/widgetView';
import { useEditorStore } from '../../store';

const NO_ACTIONS = { open: () => undefined, send: () => undefined, typing: () => undefined, restart: () => undefined, openChanged: () => undefined };

/**
 * The real widget (the same view class customers get), drawn inside a box that contains its fixed
 * positioning, themed live from the form. It talks to no server: nothing typed here is sent.
 */
export function WidgetPreview({ widget, locale, open }: { widget: FlowSettings['widget']; locale: string; open: boolean }) {
  const { t } = useTranslation('panels');
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<WidgetView | null>(null);
  const labels = labelsFor(locale);
  // The privacy notice is edited in its own section, but customers see it in this same window.
  const privacyNotice = useEditorStore((s) => s.meta.settings.privacy.notice);
  const theme = resolveTheme(
    { flowId: 'preview', apiBase: '', mode: 'bubble', lang: locale },
    { flowId: 'preview', name: '', locale, widget, privacyNotice },
    labels.defaultTitle,
  );

  // Open, the window is drawn as on the hosted chat page (it fills the box, nothing overlaps);
  // closed, as the button in the corner of a site. A new language or state rebuilds the view;
  // theme changes only restyle it. Nothing calls setOpen, so focus stays in the form.
  useEffect(() => {
    const host = box.current;
    if (!host) return;
    const v = new WidgetView(host.ownerDocument, { mode: open ? 'page' : 'bubble', labels, theme, actions: NO_ACTIONS, paced: false });
    host.append(v.host);
    const sample = t('settings.widget.sampleMessage', { lng: locale.split('-')[0] });
    v.messages([{ id: 1, from: 'bot', kind: 'text', text: sample, at: new Date(0).toISOString() }], false);
    view.current = v;
    return () => {
      v.host.remove();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale, open]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.applyTheme(theme);
    v.showGreeting(open ? null : theme.greeting);
  });

  return <div ref={box} className="sb-widget-preview" data-testid="widget-preview" aria-label={t('settings.widget.preview')} role="img" />;
}
