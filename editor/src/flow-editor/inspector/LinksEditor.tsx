import { useTranslation } from 'react-i18next';
import { Link2, Plus, Trash2 } from 'lucide-react';
import type { MessageLink } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Field } from './Field';
import { removeAt, replaceAt } from './listOps';
import { linkUrlError } from './validation';

const MAX_LINKS = 10;

/** Link buttons shown under a message; each needs a label and a safe address. */
export function LinksEditor({ links, onChange }: { links: MessageLink[]; onChange: (links: MessageLink[]) => void }) {
  const { t } = useTranslation('inspector');
  return (
    <fieldset className="sb-insp-group">
      <legend className="sb-insp-group__title">{t('message.links')}</legend>
      <p className="sb-field__hint">{t('message.linksHelp')}</p>
      <ul className="sb-insp-list">
        {links.map((link, i) => (
          <li key={i} className="sb-insp-card">
            <div className="sb-insp-card__head">
              <Link2 size={14} aria-hidden />
              <span className="sb-insp-card__title">{t('message.linkN', { n: i + 1 })}</span>
              <IconButton
                tone="danger"
                aria-label={t('message.removeLink', { n: i + 1 })}
                icon={<Trash2 size={16} />}
                onClick={() => onChange(removeAt(links, i))}
              />
            </div>
            <Field label={t('message.linkLabel')}>
              {(p) => (
                <input
                  {...p}
                  className="sb-input"
                  value={link.label}
                  maxLength={200}
                  onChange={(e) => onChange(replaceAt(links, i, { ...link, label: e.target.value }))}
                />
              )}
            </Field>
            <Field label={t('message.linkUrl')} error={linkUrlError(link.url)}>
              {(p) => (
                <input
                  {...p}
                  className="sb-input"
                  type="text"
                  inputMode="url"
                  placeholder="https://"
                  value={link.url}
                  maxLength={2000}
                  onChange={(e) => onChange(replaceAt(links, i, { ...link, url: e.target.value }))}
                />
              )}
            </Field>
          </li>
        ))}
      </ul>
      <Button
        size="sm"
        variant="ghost"
        icon={<Plus size={16} aria-hidden />}
        disabled={links.length >= MAX_LINKS}
        onClick={() => onChange([...links, { label: '', url: '' }])}
      >
        {t('message.addLink')}
      </Button>
    </fieldset>
  );
}
