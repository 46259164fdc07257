import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The hidden file picker behind the Import button; clearing its value lets the same file be picked again. */
export const ImportFileInput = forwardRef<HTMLInputElement, { onFile: (file: File) => void }>(function ImportFileInput({ onFile }, ref) {
  const { t } = useTranslation('dashboard');
  return (
    <input
      ref={ref}
      type="file"
      accept="application/json,.json"
      className="sb-visually-hidden"
      tabIndex={-1}
      aria-label={t('import.button')}
      data-testid="import-file-input"
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
});
