import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ConnectionTestResult } from '../../api';
import { Button, TextField } from '../../ui';
import { inputOf, type ProviderDraft } from './providerDraft';

interface Props {
  draft: ProviderDraft;
  isDefault: boolean;
  errors: ReadonlyMap<string, string>;
  onChange: (next: ProviderDraft) => void;
  onMakeDefault: () => void;
  onRemove: () => void;
}

/** One provider's fields, with "Test connection" for what is typed now (the stored key when none is typed). */
export function ProviderFields({ draft, isDefault, errors, onChange, onMakeDefault, onRemove }: Props) {
  const { t } = useTranslation('settings');
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const set = (patch: Partial<ProviderDraft>) => onChange({ ...draft, ...patch });
  const error = (field: string) => errors.get(field);

  async function test() {
    setTesting(true);
    setResult(null);
    try {
      setResult(await api.languageModel.test(inputOf(draft)));
    } catch (err) {
      setResult({ ok: false, detail: err instanceof Error ? err.message : String(err), durationMs: 0 });
    } finally {
      setTesting(false);
    }
  }

  return (
    <fieldset className="sb-llm__provider" aria-label={draft.name || draft.id}>
      <legend className="sb-llm__legend">
        {draft.name || t('languageModel.unnamed')} <code className="sb-llm__id">{draft.id}</code>
      </legend>
      <div className="sb-llm__grid">
        <TextField label={t('languageModel.name')} value={draft.name} maxLength={100} error={error('name')} onChange={(e) => set({ name: e.target.value })} />
        <TextField label={t('languageModel.model')} value={draft.model} maxLength={200} placeholder="gpt-4o-mini" error={error('model')} onChange={(e) => set({ model: e.target.value })} />
        <TextField
          className="sb-llm__wide"
          label={t('languageModel.baseUrl')}
          hint={t('languageModel.baseUrlHint')}
          value={draft.baseUrl}
          maxLength={500}
          error={error('baseUrl')}
          onChange={(e) => set({ baseUrl: e.target.value })}
        />
        <TextField
          className="sb-llm__wide"
          label={t('languageModel.apiKey')}
          hint={draft.apiKeySet ? t('languageModel.apiKeyStored') : t('languageModel.apiKeyHint')}
          type="password"
          autoComplete="off"
          value={draft.apiKey}
          disabled={draft.removeKey}
          placeholder={draft.apiKeySet ? '••••••••' : ''}
          onChange={(e) => set({ apiKey: e.target.value })}
        />
        {draft.apiKeySet && (
          <label className="sb-check sb-llm__wide">
            <input type="checkbox" checked={draft.removeKey} onChange={(e) => set({ removeKey: e.target.checked, apiKey: '' })} />
            <span>{t('languageModel.removeKey')}</span>
          </label>
        )}
        <TextField
          label={t('languageModel.timeout')}
          type="number"
          min={1}
          max={120}
          value={draft.timeoutSeconds}
          error={error('timeoutSeconds')}
          onChange={(e) => set({ timeoutSeconds: e.target.value })}
        />
        <TextField
          label={t('languageModel.maxTokens')}
          hint={t('languageModel.maxTokensHint')}
          type="number"
          min={16}
          max={4000}
          value={draft.maxAnswerTokens}
          error={error('maxAnswerTokens')}
          onChange={(e) => set({ maxAnswerTokens: e.target.value })}
        />
      </div>
      <div className="sb-llm__actions">
        <label className="sb-check">
          <input type="radio" name="sb-llm-default" checked={isDefault} onChange={onMakeDefault} />
          <span>{t('languageModel.default')}</span>
        </label>
        <Button size="sm" busy={testing} onClick={() => void test()}>
          {t('languageModel.test')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onRemove}>
          {t('languageModel.remove')}
        </Button>
      </div>
      {result && (
        <p className={result.ok ? 'sb-llm__test sb-llm__test--ok' : 'sb-llm__test sb-llm__test--bad'} role="status">
          {result.ok
            ? t('languageModel.testOk', { answer: result.answer ?? '', ms: result.durationMs })
            : t('languageModel.testFailed', { reason: result.reason ? t(`languageModel.reasons.${result.reason}`) : '', detail: result.detail ?? '' })}
        </p>
      )}
    </fieldset>
  );
}
