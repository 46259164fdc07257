import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type OrgSettings } from '../../api';
import { Alert, Button, TextField, useToast } from '../../ui';

const MAX_DAYS = 3650;

/** How long conversations are kept: off (kept until erased) or a number of idle days. */
export function RetentionCard() {
  const { t } = useTranslation('privacy');
  const toast = useToast();
  const [saved, setSaved] = useState<OrgSettings | null>(null);
  const [failed, setFailed] = useState(false);
  const [enabled, setEnabled] = useState(false);
  const [days, setDays] = useState('90');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.settings.get().then(
      (settings) => {
        setSaved(settings);
        setEnabled(settings.retentionDays != null);
        if (settings.retentionDays != null) setDays(String(settings.retentionDays));
      },
      () => setFailed(true),
    );
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!saved) return;
    const n = Number(days);
    if (enabled && (!/^\d+$/.test(days.trim()) || n < 1 || n > MAX_DAYS)) {
      setError(t('retention.invalid'));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const next = await api.settings.save({ ...saved, retentionDays: enabled ? n : null });
      setSaved(next);
      toast.show(t('retention.saved'), 'success');
    } catch (err) {
      toast.show(t('retention.saveFailed', { message: err instanceof Error ? err.message : String(err) }), 'error');
    } finally {
      setBusy(false);
    }
  }

  const current = saved?.retentionDays ?? null;
  const dirty = saved !== null && (enabled ? String(current) !== days.trim() : current !== null);
  return (
    <section className="sb-settings__card" aria-labelledby="sb-retention-heading">
      <h2 id="sb-retention-heading" className="sb-settings__heading">
        {t('retention.heading')}
      </h2>
      <p className="sb-muted">{t('retention.intro')}</p>
      {failed && <Alert>{t('loadFailed')}</Alert>}
      {saved && (
        <form className="sb-privacy__retention" onSubmit={(e) => void save(e)} noValidate>
          <label className="sb-check">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            <span>{t('retention.enable')}</span>
          </label>
          {enabled && (
            <TextField
              label={t('retention.days')}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_DAYS}
              value={days}
              hint={t('retention.daysHint')}
              error={error ?? undefined}
              onChange={(e) => setDays(e.target.value)}
            />
          )}
          <p className="sb-muted" role="status">
            {current === null ? t('retention.currentOff') : t('retention.currentOn', { count: current })}
          </p>
          <div>
            <Button type="submit" variant="primary" busy={busy} disabled={!dirty}>
              {t('retention.save')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
