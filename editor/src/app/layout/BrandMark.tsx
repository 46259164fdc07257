import { useTranslation } from 'react-i18next';

/** The Switchboard logo; the word mark is the product name, identical in every language. */
export function BrandMark({ size = 28, withName = false }: { size?: number; withName?: boolean }) {
  const { t } = useTranslation('common');
  return (
    <span className="sb-brand">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden={withName ? true : undefined} role={withName ? undefined : 'img'} aria-label={withName ? undefined : t('appName')}>
        <rect width="32" height="32" rx="8" fill="var(--sb-primary)" />
        <path d="M9 11h14M9 16h9M9 21h11" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      {withName && <span className="sb-brand__name">{t('appName')}</span>}
    </span>
  );
}
