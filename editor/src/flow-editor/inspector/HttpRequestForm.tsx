import { useTranslation } from 'react-i18next';
import { ShieldCheck } from 'lucide-react';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  HTTP_METHODS,
  MAX_RESPONSE_BYTES_LIMIT,
  MAX_TIMEOUT_MS,
  type HttpMethod,
  type HttpRequestNode,
} from '@switchboard/runtime';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { Field } from './Field';
import { HttpHeadersEditor } from './HttpHeadersEditor';
import { bodyError, requestUrlError } from './httpValidation';
import { ResponseMappingEditor } from './ResponseMappingEditor';
import { VariablePicker } from './VariablePicker';
import { VariableTextField } from './VariableTextField';
import { optionalInt, optionalText, usePatchNodeData } from './useNodeData';

const KB = 1024;
const clamp = (n: number | undefined, max: number) => (n === undefined ? undefined : Math.max(1, Math.min(max, n)));

export function HttpRequestForm({ node }: { node: HttpRequestNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'httpRequest'>(node.id);
  const d = node.data;
  const sendsBody = d.method !== 'GET';
  return (
    <>
      <p className="sb-insp-note">
        <ShieldCheck size={14} aria-hidden />
        {t('http.safetyNote')}
      </p>
      <div className="sb-http-line">
        <Select
          label={t('http.method')}
          value={d.method}
          options={HTTP_METHODS.map((m) => ({ value: m, label: m }))}
          onChange={(e) => patch({ method: e.target.value as HttpMethod })}
        />
        <Field label={t('http.url')} error={requestUrlError(d.url)}>
          {(p) => (
            <VariableTextField {...p} value={d.url} maxLength={2000} placeholder="https://api.example.com/orders/{{orderId}}" onChange={(url) => patch({ url })} />
          )}
        </Field>
      </div>
      <p className="sb-field__hint">{t('http.urlHelp', { open: '{{' })}</p>
      <HttpHeadersEditor headers={d.headers} onChange={(headers) => patch({ headers })} />
      {sendsBody && (
        <Field label={t('http.body')} help={t('http.bodyHelp')} error={bodyError(d.body ?? '')} className="sb-field--mono">
          {(p) => (
            <VariableTextField
              {...p}
              multiline
              rows={6}
              value={d.body ?? ''}
              maxLength={20_000}
              placeholder={'{\n  "order": "{{orderId}}"\n}'}
              onChange={(v) => patch({ body: optionalText(v) })}
            />
          )}
        </Field>
      )}
      <ResponseMappingEditor mapping={d.responseMapping} onChange={(responseMapping) => patch({ responseMapping })} />
      <div className="sb-insp-row">
        <TextField
          label={t('http.timeout')}
          hint={t('http.timeoutHelp', { value: DEFAULT_TIMEOUT_MS, max: MAX_TIMEOUT_MS })}
          type="number"
          min={1}
          max={MAX_TIMEOUT_MS}
          step={500}
          value={d.timeoutMs ?? ''}
          placeholder={String(DEFAULT_TIMEOUT_MS)}
          onChange={(e) => patch({ timeoutMs: clamp(optionalInt(e.target.value), MAX_TIMEOUT_MS) })}
        />
        <TextField
          label={t('http.maxSize')}
          hint={t('http.maxSizeHelp', { value: DEFAULT_MAX_RESPONSE_BYTES / KB, max: MAX_RESPONSE_BYTES_LIMIT / KB })}
          type="number"
          min={1}
          max={MAX_RESPONSE_BYTES_LIMIT / KB}
          value={d.maxResponseBytes === undefined ? '' : Math.round(d.maxResponseBytes / KB)}
          placeholder={String(DEFAULT_MAX_RESPONSE_BYTES / KB)}
          onChange={(e) => {
            const kb = clamp(optionalInt(e.target.value), MAX_RESPONSE_BYTES_LIMIT / KB);
            patch({ maxResponseBytes: kb === undefined ? undefined : kb * KB });
          }}
        />
      </div>
      <VariablePicker
        label={t('http.errorVariable')}
        help={t('http.errorVariableHelp')}
        optional
        value={d.errorVariable}
        createType="string"
        onChange={(v) => patch({ errorVariable: v })}
      />
    </>
  );
}
