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
 * The local calendar day of instants within [first, last]: the days' midnights are found once
 * and each instant is placed by binary search, so tens of thousands of conversations cost a few
 * dozen time-zone conversions rather than one each. Undefined outside the days.
 */
export function localDayOf(timeZone: string, dates: readonly string[]): (ms: number) => string | undefined {
  if (dates.length === 0) return () => undefined;
  const starts = dates.map((d) => localMidnight(timeZone, d));
  const end = localMidnight(timeZone, nextDate(dates[dates.length - 1]!));
  return (ms) => {
    if (ms < starts[0]! || ms >= end) return undefined;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= ms) lo = mid;
      else hi = mid - 1;
    }
    return dates[lo];
  };
}
