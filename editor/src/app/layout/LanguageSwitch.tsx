import { useTranslation } from 'react-i18next';
import { setLanguage, SUPPORTED_LANGUAGES, type Language } from '../../i18n';
import { cx } from '../../ui';

/** EN | PL toggle. Each option is labelled in its own language so users find theirs. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation('common');
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div role="group" aria-label={t('language')} className={cx('sb-lang', className)}>
      {SUPPORTED_LANGUAGES.map((lng: Language) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="sb-lang__option"
          aria-pressed={current === lng}
          aria-label={t(`languageName.${lng}`, { lng })}
          title={t(`languageName.${lng}`, { lng })}
          onClick={() => void setLanguage(lng)}
        >
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
