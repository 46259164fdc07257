import { useTranslation } from 'react-i18next';
import { ImagePlus, Trash2 } from 'lucide-react';
import type { MessageNode } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Field } from './Field';
import { LinksEditor } from './LinksEditor';
import { VariableTextField } from './VariableTextField';
import { usePatchNodeData } from './useNodeData';
import { imageUrlError } from './validation';

export function MessageForm({ node }: { node: MessageNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'message'>(node.id);
  const { text, image, links } = node.data;
  return (
    <>
      <Field label={t('message.text')} help={t('message.textHelp', { open: '{{' })}>
        {(p) => <VariableTextField {...p} multiline rows={4} value={text} maxLength={5000} onChange={(v) => patch({ text: v })} />}
      </Field>

      {image ? (
        <fieldset className="sb-insp-group">
          <div className="sb-insp-card__head">
            <legend className="sb-insp-group__title">{t('message.image')}</legend>
            <IconButton tone="danger" aria-label={t('message.removeImage')} icon={<Trash2 size={16} />} onClick={() => patch({ image: undefined })} />
          </div>
          <Field label={t('message.imageUrl')} help={t('message.imageUrlHelp')} error={imageUrlError(image.url)}>
            {(p) => (
              <input
                {...p}
                className="sb-input"
                inputMode="url"
                placeholder="https://"
                value={image.url}
                maxLength={2000}
                onChange={(e) => patch({ image: { ...image, url: e.target.value } })}
              />
            )}
          </Field>
          <Field label={t('message.imageAlt')} help={t('message.imageAltHelp')}>
            {(p) => (
              <input {...p} className="sb-input" value={image.alt} maxLength={500} onChange={(e) => patch({ image: { ...image, alt: e.target.value } })} />
            )}
          </Field>
        </fieldset>
      ) : (
        <Button size="sm" variant="ghost" icon={<ImagePlus size={16} aria-hidden />} onClick={() => patch({ image: { url: '', alt: '' } })}>
          {t('message.addImage')}
        </Button>
      )}

      <LinksEditor links={links ?? []} onChange={(next) => patch({ links: next.length > 0 ? next : undefined })} />
    </>
  );
}
