import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Settings } from 'lucide-react';
import { api, isApiError, type OrgSettings } from '../api';
import { LoadingState, PageState } from '../app/pages/PageState';
import { Alert, Button, useToast } from '../ui';
import { CannedRepliesEditor } from './CannedRepliesEditor';
import { OrganizationFields } from './OrganizationFields';
import { fromDraft, sameSettings, toDraft, validateOrganization, type FieldErrors, type SettingsDraft } from './settingsDraft';
import { useUnsavedGuard } from './useUnsavedGuard';

type Load = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; saved: SettingsDraft };

/** The organisation's general settings: name, default language, inbox highlight, canned replies. */
export function GeneralSection() {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const fetchSettings = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      const saved = toDraft(await api.settings.get());
      setLoad({ status: 'ready', saved });
      setDraft(saved);
    } catch {
      setLoad({ status: 'failed' });
    }
  }, []);

  useEffect(() => void fetchSettings(), [fetchSettings]);

  const dirty = load.status === 'ready' && draft !== null && !sameSettings(load.saved, draft);
  useUnsavedGuard(dirty, t('leaveConfirm'));

  if (load.status === 'loading' || (load.status === 'ready' && !draft)) return <LoadingState />;
  if (load.status === 'failed' || !draft) {
    return (
      <PageState title={t('title')} icon={<Settings size={32} aria-hidden />}>
        <p>{t('loadFailed')}</p>
        <Button onClick={() => void fetchSettings()}>{t('retry')}</Button>
      </PageState>
    );
  }

  const update = (patch: Partial<SettingsDraft>) => {
    setDraft({ ...draft, ...patch });
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field in patch))));
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const found = validateOrganization(draft);
    setErrors(found);
    setSaveError(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const saved: OrgSettings = await api.settings.save(fromDraft(draft));
      const next = toDraft(saved);
      setLoad({ status: 'ready', saved: next });
      setDraft(next);
      toast.show(t('saved'), 'success');
    } catch (err) {
      // The server names the fields it refused; those are marked beside the field, the rest go on top.
      const fields = new Set(['organizationName', 'defaultLocale', 'inboxHighlightMinutes']);
      const details = isApiError(err) ? err.details : [];
      const byField = Object.fromEntries(details.filter((d) => fields.has(d.path)).map((d) => [d.path, 'errors.server']));
      setErrors(byField);
      const rest = details.filter((d) => !fields.has(d.path));
      const message = isApiError(err) ? (rest.length > 0 ? rest.map((d) => `${d.path}: ${d.message}`).join('; ') : err.message) : String(err);
      setSaveError(t('saveFailed', { message }));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <form className="sb-settings__inner" onSubmit={(e) => void save(e)} noValidate>
        <div className="sb-settings__head">
          <p className="sb-muted">{t('subtitle')}</p>
          <div className="sb-settings__save">
            {dirty && (
              <span className="sb-muted" role="status">
                {t('unsaved')}
              </span>
            )}
            <Button type="submit" variant="primary" busy={saving} disabled={!dirty}>
              {t('save')}
            </Button>
          </div>
        </div>
        {saveError && <Alert>{saveError}</Alert>}
        <OrganizationFields draft={draft} errors={errors} onChange={update} />
      </form>
      {/* Outside the page form: each reply has its own small form, and forms cannot nest. */}
      <div className="sb-settings__inner">
        <CannedRepliesEditor replies={draft.cannedReplies} onChange={(cannedReplies) => update({ cannedReplies })} />
      </div>
    </>
  );
}
