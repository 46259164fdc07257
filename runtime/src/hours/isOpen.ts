import type { BusinessHours, OpeningRange, Weekday } from '../schema/settings';
import { localTime } from './localTime';

const DAY_ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function previousDay(day: Weekday): Weekday {
  return DAY_ORDER[(DAY_ORDER.indexOf(day) + 6) % 7]!;
}

/** "09:30" -> 570; "24:00" -> 1440, the end of the day. */
function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function rangeCovers(range: OpeningRange, weekday: Weekday, minutes: number): boolean {
  const open = toMinutes(range.open);
  const close = toMinutes(range.close);
  if (open < close) return range.day === weekday && minutes >= open && minutes < close;
  if (open === close) return false;
  // Closing before opening means the range runs past midnight into the next day (e.g. 22:00-06:00).
  if (range.day === weekday) return minutes >= open;
  return range.day === previousDay(weekday) && minutes < close;
}

function computeIsOpen(hours: BusinessHours, epochMs: number): boolean {
  const local = localTime(hours.timezone, epochMs);
  if (hours.holidays.includes(local.date)) return false;
  return hours.weekly.some((range) => rangeCovers(range, local.weekday, local.minutes));
}

const MINUTE_MS = 60_000;

/**
 * The last answer per hours object. Time-zone offsets are whole minutes, so the answer holds
 * for the whole UTC minute, and conversations running at the same time ask about the same
 * minute: one Intl call per minute instead of one per handoff. Hours objects belong to loaded
 * flows, which are never changed in place.
 */
const lastAnswer = new WeakMap<BusinessHours, { minute: number; open: boolean }>();

/**
 * Whether the team is open at an instant, read on the wall clock of the hours' time zone, so
 * a daylight-saving change moves the opening with local time. Ranges open inclusive and close
 * exclusive; a holiday (a local date) is closed all day. Ignores `enabled`: callers decide that.
 */
export function isOpen(hours: BusinessHours, epochMs: number): boolean {
  const minute = Math.floor(epochMs / MINUTE_MS);
  const last = lastAnswer.get(hours);
  if (last !== undefined && last.minute === minute) return last.open;
  const open = computeIsOpen(hours, epochMs);
  lastAnswer.set(hours, { minute, open });
  return open;
}
