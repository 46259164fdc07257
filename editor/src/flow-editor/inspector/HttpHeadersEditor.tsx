import { useTranslation } from 'react-i18next';
import { KeyRound, Plus, Trash2 } from 'lucide-react';
import { secretPlaceholder, type HttpRequestData } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { headerNameError } from './httpValidation';
import { removeAt, replaceAt } from './listOps';
import { useSecretNames } from './useSecretNames';
import { VariableTextField } from './VariableTextField';

type Header = HttpRequestData['headers'][number];
const MAX_HEADERS = 50;

export function HttpHeadersEditor({ headers, onChange }: { headers: readonly Header[]; onChange: (next: Header[]) => void }) {
  const { t } = useTranslation('inspector');
  const secrets = useSecretNames();
  return (
    <fieldset className="sb-insp-group">
      <legend className="sb-insp-group__title">{t('http.headers')}</legend>
      <p className="sb-field__hint">
        {secrets.status === 'ready' && secrets.names.length > 0 ? t('http.headersHelp') : t('http.headersHelpNoSecrets', { example: secretPlaceholder('API_KEY') })}
      </p>
      <ol className="sb-insp-list">
        {headers.map((h, i) => {
          const error = headerNameError(h.name);
          const update = (patch: Partial<Header>) => onChange(replaceAt(headers, i, { ...h, ...patch }));
          return (
            <li key={i} className="sb-kv-row" data-testid="header-row">
              <input
                className="sb-input"
                aria-label={t('http.headerName', { n: i + 1 })}
                aria-invalid={error ? true : undefined}
                value={h.name}
                maxLength={200}
                placeholder="Authorization"
                spellCheck={false}
                onChange={(e) => update({ name: e.target.value })}
              />
              <VariableTextField
                aria-label={t('http.headerValue', { n: i + 1 })}
                value={h.value}
                maxLength={2000}
                placeholder={`Bearer ${secretPlaceholder('API_KEY')}`}
                onChange={(value) => update({ value })}
              />
              <IconButton tone="danger" aria-label={t('http.removeHeader', { n: i + 1 })} icon={<Trash2 size={16} />} onClick={() => onChange(removeAt(headers, i))} />
              {secrets.status === 'ready' && secrets.names.length > 0 && (
                <span className="sb-insp-inline sb-kv-row__full">
                  <KeyRound size={14} aria-hidden />
                  <select
                    className="sb-select sb-select--inline"
                    aria-label={t('http.insertSecret', { n: i + 1 })}
                    value=""
                    onChange={(e) => e.target.value && update({ value: `${h.value}${secretPlaceholder(e.target.value)}` })}
                  >
                    <option value="">{t('http.insertSecretOption')}</option>
                    {secrets.names.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                </span>
              )}
              {error && (
                <span className="sb-field__error sb-kv-row__full" role="alert">
                  {t(error.key)}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <Button
        size="sm"
        variant="ghost"
        icon={<Plus size={16} aria-hidden />}
        disabled={headers.length >= MAX_HEADERS}
        onClick={() => onChange([...headers, { name: '', value: '' }])}
      >
        {t('http.addHeader')}
      </Button>
    </fieldset>
  );
}
