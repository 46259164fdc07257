import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check, Copy } from 'lucide-react';
import { Button } from '../ui';

/** A value shown once (a token, a new password) with a button that copies it. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation('settings');
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Without clipboard permission the value stays selectable in the field.
      setCopied(false);
    }
  }
  return (
    <div className="sb-field">
      <span className="sb-field__label">{label}</span>
      <div className="sb-copy-field">
        <input className="sb-input sb-copy-field__value" readOnly value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
        <Button type="button" variant="secondary" icon={copied ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />} onClick={() => void copy()}>
          {copied ? t('copied') : t('copy')}
        </Button>
      </div>
    </div>
  );
}
