import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type LanguageModelView } from '../../api';
import { Alert, Button, TextField, useToast } from '../../ui';
import { ProviderFields } from './ProviderFields';
import { draftOf, inputOf, newDraft, type ProviderDraft } from './providerDraft';
import './languageModel.css';

/** Field errors from a 400, by provider index and field (`providers.0.baseUrl`). */
function providerErrors(details: readonly { path: string; message: string }[], index: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of details) {
    const [root, i, field] = d.path.split('.');
    if (root === 'providers' && Number(i) === index && field) out.set(field, d.message);
  }
  return out;
}

/**
 * Organisation settings → Language model: the providers "Answer from knowledge" steps ask, with
 * their keys write-only, personal-data masking, and the monthly token budget with this month's use.
 */
export function LanguageModelSection() {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const [view, setView] = useState<LanguageModelView | null>(null);
  const [failed, setFailed] = useState(false);
  const [providers, setProviders] = useState<ProviderDraft[]>([]);
  const [defaultId, setDefaultId] = useState<string | null>(null);
  const [mask, setMask] = useState(true);
  const [budget, setBudget] = useState('');
  const [details, setDetails] = useState<{ path: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);

  function load(next: LanguageModelView) {
    setView(next);
    setProviders(next.providers.map(draftOf));
    setDefaultId(next.defaultProviderId ?? next.providers[0]?.id ?? null);
    setMask(next.maskPersonalData);
    setBudget(next.monthlyTokenBudget === null ? '' : String(next.monthlyTokenBudget));
  }

  useEffect(() => {
    api.languageModel.get().then(load, () => setFailed(true));
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setDetails([]);
    try {
      load(
        await api.languageModel.save({
          providers: providers.map(inputOf),
          defaultProviderId: providers.some((p) => p.id === defaultId) ? defaultId : (providers[0]?.id ?? null),
          maskPersonalData: mask,
          monthlyTokenBudget: budget.trim() === '' ? null : Number(budget),
        }),
      );
      toast.show(t('languageModel.saved'), 'success');
    } catch (err) {
      if (isApiError(err)) setDetails(err.details);
      toast.show(t('languageModel.saveFailed', { message: err instanceof Error ? err.message : String(err) }), 'error');
    } finally {
      setBusy(false);
    }
  }

  const budgetError = details.find((d) => d.path === 'monthlyTokenBudget')?.message;
  return (
    <form className="sb-llm" onSubmit={(e) => void save(e)} noValidate>
      <section className="sb-settings__card" aria-labelledby="sb-llm-heading">
        <h2 id="sb-llm-heading" className="sb-settings__heading">
          {t('languageModel.heading')}
        </h2>
        <p className="sb-muted">{t('languageModel.intro')}</p>
        {failed && <Alert>{t('loadFailed')}</Alert>}
        {view?.usage.budgetSpent && <Alert tone="warning">{t('languageModel.budgetSpent', { month: view.usage.month })}</Alert>}
        {view && providers.length === 0 && <p className="sb-muted">{t('languageModel.none')}</p>}
        {providers.map((draft, i) => (
          <ProviderFields
            key={draft.id}
            draft={draft}
            isDefault={defaultId === draft.id}
            errors={providerErrors(details, i)}
            onChange={(next) => setProviders(providers.map((p, j) => (j === i ? next : p)))}
            onMakeDefault={() => setDefaultId(draft.id)}
            onRemove={() => setProviders(providers.filter((_, j) => j !== i))}
          />
        ))}
        {view && providers.length < 10 && (
          <div>
            <Button onClick={() => setProviders([...providers, newDraft(providers.map((p) => p.id))])}>{t('languageModel.add')}</Button>
          </div>
        )}
      </section>
      {view && (
        <section className="sb-settings__card" aria-labelledby="sb-llm-privacy">
          <h2 id="sb-llm-privacy" className="sb-settings__heading">
            {t('languageModel.privacyHeading')}
          </h2>
          <label className="sb-check">
            <input type="checkbox" checked={mask} onChange={(e) => setMask(e.target.checked)} />
            <span>{t('languageModel.mask')}</span>
          </label>
          <p className="sb-muted">{t('languageModel.maskHint')}</p>
          <TextField
            label={t('languageModel.budget')}
            hint={t('languageModel.budgetHint')}
            type="number"
            min={1000}
            value={budget}
            error={budgetError}
            onChange={(e) => setBudget(e.target.value)}
          />
          <p className="sb-muted" role="status">
            {t('languageModel.usage', { month: view.usage.month, count: view.usage.usedTokens })}
          </p>
          <div>
            <Button type="submit" variant="primary" busy={busy}>
              {t('save')}
            </Button>
          </div>
        </section>
      )}
    </form>
  );
}
