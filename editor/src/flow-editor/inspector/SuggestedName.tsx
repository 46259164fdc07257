import { useTranslation } from 'react-i18next';
import type { FieldError } from './validation';

/** One click from a refused name (numer_zamówienia) to the offered one (numer_zamowienia). */
export function SuggestedName({ error, onUse }: { error: FieldError; onUse: (name: string) => void }) {
  const { t } = useTranslation('inspector');
  const suggestion = error?.values?.suggestion;
  if (typeof suggestion !== 'string') return null;
  return (
    <button
      type="button"
      className="sb-button sb-button--secondary sb-button--sm"
      // Before the field's blur commits or clears the draft.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onUse(suggestion)}
    >
      {t('errors.useSuggestion', { suggestion })}
    </button>
  );
}
