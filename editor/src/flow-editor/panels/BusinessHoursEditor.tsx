import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, Trash2 } from 'lucide-react';
import { weekdaySchema, type BusinessHours, type OpeningRange, type Weekday } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { rangeError } from './settingsParsers';

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const list = all.includes('UTC') ? all : ['UTC', ...all];
  return list.includes(current) ? list : [current, ...list];
}

/** A weekday's label in the UI language, e.g. "Monday" / "poniedziałek". */
function useDayNames(): Record<Weekday, string> {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const fmt = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    const names = weekdaySchema.options.map((d, i) => [d, fmt.format(new Date(Date.UTC(2024, 0, 1 + i)))] as const);
    return Object.fromEntries(names) as Record<Weekday, string>;
  }, [i18n.language]);
}

export function BusinessHoursEditor({ value, onChange }: { value: BusinessHours; onChange: (next: BusinessHours) => void }) {
  const { t } = useTranslation('panels');
  const days = useDayNames();
  const zones = useMemo(() => timeZones(value.timezone), [value.timezone]);
  const set = (patch: Partial<BusinessHours>) => onChange({ ...value, ...patch });
  const rangesOf = (day: Weekday) => value.weekly.map((r, i) => ({ r, i })).filter(({ r }) => r.day === day);
  const updateRange = (i: number, r: OpeningRange) => set({ weekly: value.weekly.map((x, j) => (j === i ? r : x)) });

  return (
    <fieldset className="sb-settings__group">
      <legend className="sb-settings__title">{t('settings.hours')}</legend>
      <label className="sb-check">
        <input type="checkbox" checked={value.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        <span>{t('settings.hoursEnabled')}</span>
      </label>
      <p className="sb-field__hint">{t('settings.hoursHelp')}</p>
      <div className="sb-field">
        <label htmlFor="sb-tz" className="sb-field__label">
          {t('settings.timezone')}
        </label>
        <select id="sb-tz" className="sb-select" value={value.timezone} disabled={!value.enabled} onChange={(e) => set({ timezone: e.target.value })}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
      <table className="sb-hours" aria-label={t('settings.weekly')}>
        <tbody>
          {weekdaySchema.options.map((day) => {
            const ranges = rangesOf(day);
            return (
              <tr key={day}>
                <th scope="row">{days[day]}</th>
                <td>
                  {ranges.length === 0 && <span className="sb-field__hint">{t('settings.closed')}</span>}
                  {ranges.map(({ r, i }, n) => {
                    const err = rangeError(r.open, r.close);
                    return (
                      <div key={i} className="sb-hours__range" role="group" aria-label={t('settings.rangeLabel', { day: days[day], n: n + 1 })}>
                        <input
                          type="time"
                          className="sb-input"
                          aria-label={t('settings.opens')}
                          value={r.open}
                          disabled={!value.enabled}
                          onChange={(e) => e.target.value && updateRange(i, { ...r, open: e.target.value })}
                        />
                        <span aria-hidden>–</span>
                        <input
                          type="time"
                          className="sb-input"
                          aria-label={t('settings.closes')}
                          value={r.close}
                          aria-invalid={err ? true : undefined}
                          disabled={!value.enabled}
                          onChange={(e) => e.target.value && updateRange(i, { ...r, close: e.target.value })}
                        />
                        <IconButton
                          tone="danger"
                          aria-label={t('settings.removeRange', { day: days[day], n: n + 1 })}
                          icon={<Trash2 size={14} />}
                          disabled={!value.enabled}
                          onClick={() => set({ weekly: value.weekly.filter((_, j) => j !== i) })}
                        />
                        {err && (
                          <span className="sb-field__error" role="alert">
                            {t(err)}
                          </span>
                        )}
                      </div>
                    );
                  })}
                </td>
                <td>
                  <Button
                    size="sm"
                    variant="ghost"
                    icon={<Plus size={14} aria-hidden />}
                    disabled={!value.enabled || value.weekly.length >= 50}
                    aria-label={t('settings.addRange', { day: days[day] })}
                    onClick={() => set({ weekly: [...value.weekly, { day, open: '09:00', close: '17:00' }] })}
                  >
                    {t('settings.add')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="sb-field">
        <span className="sb-field__label">{t('settings.holidays')}</span>
        <span className="sb-field__hint">{t('settings.holidaysHelp')}</span>
        <ul className="sb-holidays">
          {value.holidays.map((d, i) => (
            <li key={i}>
              <input
                type="date"
                className="sb-input"
                aria-label={t('settings.holidayN', { n: i + 1 })}
                value={d}
                disabled={!value.enabled}
                onChange={(e) => e.target.value && set({ holidays: value.holidays.map((x, j) => (j === i ? e.target.value : x)) })}
              />
              <IconButton
                tone="danger"
                aria-label={t('settings.removeHoliday', { n: i + 1 })}
                icon={<Trash2 size={14} />}
                disabled={!value.enabled}
                onClick={() => set({ holidays: value.holidays.filter((_, j) => j !== i) })}
              />
            </li>
          ))}
        </ul>
        <Button
          size="sm"
          variant="ghost"
          icon={<Plus size={14} aria-hidden />}
          disabled={!value.enabled}
          onClick={() => set({ holidays: [...value.holidays, new Date().toISOString().slice(0, 10)] })}
        >
          {t('settings.addHoliday')}
        </Button>
      </div>
    </fieldset>
  );
}
