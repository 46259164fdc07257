import { Copy } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';
import { EmbedWebsites } from './EmbedWebsites';

export function chatLink(origin: string, flowId: string): string {
  return `${origin}/chat/${encodeURIComponent(flowId)}`;
}

export function embedSnippet(origin: string, flowId: string): string {
  const attr = flowId.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<script src="${origin}/widget.js" data-flow="${attr}" async></script>`;
}

function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation('preview');
  const [copied, setCopied] = useState(false);
  return (
    <div className="pb-copy">
      <span className="pb-copy__label">{label}</span>
      <div className="pb-copy__row">
        <input className="pv-input pb-copy__value" readOnly value={value} aria-label={label} onFocus={(e) => e.target.select()} />
        <Button
          size="sm"
          icon={<Copy size={14} aria-hidden />}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
        >
          {copied ? t('publish.copied') : t('publish.copy')}
        </Button>
      </div>
    </div>
  );
}

/** Where customers reach the flow now it is live: the hosted chat page and the widget embed. */
export function PublishedInfo({ flowId, version }: { flowId: string; version: number }) {
  const { t } = useTranslation('preview');
  const origin = window.location.origin;
  return (
    <div className="pb-done" data-testid="published-info">
      <p>{t('publish.done', { version })}</p>
      <CopyField label={t('publish.chatLink')} value={chatLink(origin, flowId)} />
      <CopyField label={t('publish.embed')} value={embedSnippet(origin, flowId)} />
      <EmbedWebsites flowId={flowId} />
    </div>
  );
}
