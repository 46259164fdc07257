import { localTime } from '../../../runtime/src/hours/localTime';

const DAY_MS = 86_400_000;
const utcOfDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** The instant a calendar day (`YYYY-MM-DD`) begins in a time zone; two passes settle a DST change. */
export function localMidnight(timeZone: string, date: string): number {
  const target = utcOfDate(date);
  let t = target;
  for (let i = 0; i < 3; i++) {
    const lt = localTime(timeZone, t);
    const shownAsUtc = utcOfDate(lt.date) + lt.minutes * 60_000;
    const next = t - (shownAsUtc - target);
    if (next === t) break;
    t = next;
  }
  return t;
}

/** The day after `date`, by the calendar (no time zone involved). */
export function nextDate(date: string): string {
  return new Date(utcOfDate(date) + DAY_MS).toISOString().slice(0, 10);
}

/** Every calendar day from `first` to `last` inclusive. */
export function datesBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = nextDate(d)) out.push(d);
  return out;
}

/**
 * The local calendar day of instants, memoised per quarter hour: every zone's offset is a whole
 * number of quarter hours, so all instants in one quarter share a day, and a 30-day page of tens
 * of thousands of conversations formats a few thousand times instead of once each.
 */
export function localDayOf(timeZone: string): (ms: number) => string {
  const cache = new Map<number, string>();
  return (ms) => {
    const quarter = Math.floor(ms / 900_000);
    let day = cache.get(quarter);
    if (day === undefined) {
      day = localTime(timeZone, quarter * 900_000).date;
      cache.set(quarter, day);
    }
    return day;
  };
}
