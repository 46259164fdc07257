import { useTranslation } from 'react-i18next';
import { Upload } from 'lucide-react';

/** Covers the page while a file is dragged over it, saying a drop imports it. */
export function DropOverlay() {
  const { t } = useTranslation('dashboard');
  return (
    <div className="sb-dropzone" aria-hidden>
      <div className="sb-dropzone__panel">
        <Upload size={28} />
        <span>{t('import.dropHere')}</span>
      </div>
    </div>
  );
}
