import { describe, expect, it } from 'vitest';
import { isOpen } from '../../../runtime/src/hours/isOpen';
import { localTime } from '../../../runtime/src/hours/localTime';
import { businessHoursSchema, type BusinessHours, type OpeningRange } from '../../../runtime/src/schema';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

function hours(timezone: string, weekly: OpeningRange[], holidays: string[] = []): BusinessHours {
  return businessHoursSchema.parse({ enabled: true, timezone, weekly, holidays });
}

const officeHours = (timezone: string, holidays: string[] = []) =>
  hours(
    timezone,
    WEEKDAYS.map((day) => ({ day, open: '09:00', close: '17:00' })),
    holidays,
  );

const at = (iso: string) => Date.parse(iso);

describe('isOpen', () => {
  it('opens inclusive and closes exclusive on the local wall clock', () => {
    const h = officeHours('UTC');
    expect(isOpen(h, at('2026-11-30T08:59:00Z'))).toBe(false);
    expect(isOpen(h, at('2026-11-30T09:00:00Z'))).toBe(true);
    expect(isOpen(h, at('2026-11-30T16:59:00Z'))).toBe(true);
    expect(isOpen(h, at('2026-11-30T17:00:00Z'))).toBe(false);
  });

  it('is closed on days without ranges', () => {
    expect(isOpen(officeHours('UTC'), at('2026-11-29T12:00:00Z'))).toBe(false); // Sunday
    expect(isOpen(hours('UTC', []), at('2026-11-30T12:00:00Z'))).toBe(false);
  });

  it('reads the same instant differently in different time zones', () => {
    const instant = at('2026-11-30T15:00:00Z'); // Mon 10:00 New York, Tue 00:00 Tokyo, Mon 16:00 Warsaw
    expect(isOpen(officeHours('America/New_York'), instant)).toBe(true);
    expect(isOpen(officeHours('Asia/Tokyo'), instant)).toBe(false);
    expect(isOpen(officeHours('Europe/Warsaw'), instant)).toBe(true);
    expect(isOpen(officeHours('Europe/Warsaw'), at('2026-11-30T16:00:00Z'))).toBe(false); // 17:00 Warsaw
  });

  it('follows the Warsaw spring-forward change in late March', () => {
    const h = officeHours('Europe/Warsaw');
    // Friday 27 March: CET, UTC+1.
    expect(isOpen(h, at('2026-03-27T07:30:00Z'))).toBe(false); // 08:30 local
    expect(isOpen(h, at('2026-03-27T08:30:00Z'))).toBe(true); // 09:30 local
    // Monday 30 March: CEST, UTC+2 — the same UTC time is an hour later locally.
    expect(isOpen(h, at('2026-03-30T06:30:00Z'))).toBe(false); // 08:30 local
    expect(isOpen(h, at('2026-03-30T07:30:00Z'))).toBe(true); // 09:30 local
    expect(isOpen(h, at('2026-03-30T14:30:00Z'))).toBe(true); // 16:30 local
    expect(isOpen(h, at('2026-03-30T15:00:00Z'))).toBe(false); // 17:00 local
  });

  it('follows the Warsaw fall-back change in late October', () => {
    const h = officeHours('Europe/Warsaw');
    // Friday 23 October: CEST, UTC+2.
    expect(isOpen(h, at('2026-10-23T07:30:00Z'))).toBe(true); // 09:30 local
    expect(isOpen(h, at('2026-10-23T15:30:00Z'))).toBe(false); // 17:30 local
    // Monday 26 October: CET, UTC+1.
    expect(isOpen(h, at('2026-10-26T07:30:00Z'))).toBe(false); // 08:30 local
    expect(isOpen(h, at('2026-10-26T08:30:00Z'))).toBe(true); // 09:30 local
    expect(isOpen(h, at('2026-10-26T15:30:00Z'))).toBe(true); // 16:30 local
  });

  it('handles a range across the skipped hour on the change day itself', () => {
    const h = hours('Europe/Warsaw', [{ day: 'sun', open: '01:00', close: '04:00' }]);
    expect(isOpen(h, at('2026-03-29T00:30:00Z'))).toBe(true); // 01:30 CET
    expect(isOpen(h, at('2026-03-29T01:30:00Z'))).toBe(true); // 03:30 CEST
    expect(isOpen(h, at('2026-03-29T02:00:00Z'))).toBe(false); // 04:00 CEST
  });

  it('treats a range closing before it opens as running past midnight', () => {
    const h = hours('UTC', [{ day: 'fri', open: '22:00', close: '02:00' }]);
    expect(isOpen(h, at('2026-11-27T21:59:00Z'))).toBe(false); // Fri 21:59
    expect(isOpen(h, at('2026-11-27T22:00:00Z'))).toBe(true);
    expect(isOpen(h, at('2026-11-28T01:59:00Z'))).toBe(true); // Sat 01:59
    expect(isOpen(h, at('2026-11-28T02:00:00Z'))).toBe(false);
    expect(isOpen(h, at('2026-11-28T23:00:00Z'))).toBe(false); // Sat late: the range belongs to Friday
  });

  it('reads a close of 24:00 as the end of the day', () => {
    const h = hours('UTC', [{ day: 'mon', open: '20:00', close: '24:00' }]);
    expect(isOpen(h, at('2026-11-30T23:59:00Z'))).toBe(true);
    expect(isOpen(h, at('2026-12-01T00:00:00Z'))).toBe(false);
  });

  it('is closed all day on a holiday, read as a local date', () => {
    const h = hours('Europe/Warsaw', [
      { day: 'wed', open: '00:00', close: '24:00' },
      { day: 'thu', open: '00:00', close: '24:00' },
    ], ['2026-12-24']);
    expect(isOpen(h, at('2026-12-23T22:30:00Z'))).toBe(true); // Wed 23:30 local
    expect(isOpen(h, at('2026-12-23T23:30:00Z'))).toBe(false); // Thu 00:30 local: already the holiday
    expect(isOpen(h, at('2026-12-24T12:00:00Z'))).toBe(false);
  });
});

describe('isOpen, asked repeatedly', () => {
  // The last answer is remembered per hours object and minute; these catch a stale one.
  it('changes its answer at the closing minute and back again', () => {
    const h = officeHours('UTC');
    expect(isOpen(h, at('2026-11-30T16:59:00Z'))).toBe(true);
    expect(isOpen(h, at('2026-11-30T16:59:59.999Z'))).toBe(true);
    expect(isOpen(h, at('2026-11-30T17:00:00Z'))).toBe(false);
    expect(isOpen(h, at('2026-11-30T17:00:59Z'))).toBe(false);
    expect(isOpen(h, at('2026-11-30T16:59:30Z'))).toBe(true);
    expect(isOpen(h, at('2026-12-07T17:00:30Z'))).toBe(false); // the same wall time a week on
  });

  it('answers per hours object at one instant', () => {
    const instant = at('2026-11-30T15:00:00Z');
    const tokyo = officeHours('Asia/Tokyo');
    const warsaw = officeHours('Europe/Warsaw');
    for (let i = 0; i < 3; i++) {
      expect(isOpen(warsaw, instant)).toBe(true);
      expect(isOpen(tokyo, instant)).toBe(false);
    }
    expect(isOpen(officeHours('Europe/Warsaw', ['2026-11-30']), instant)).toBe(false);
  });

  it('holds for a whole minute in a zone offset by a half hour', () => {
    const h = hours('Asia/Kolkata', [{ day: 'mon', open: '09:00', close: '17:00' }]); // UTC+5:30
    expect(isOpen(h, at('2026-11-30T03:29:59Z'))).toBe(false); // 08:59 local
    expect(isOpen(h, at('2026-11-30T03:30:00Z'))).toBe(true);
    expect(isOpen(h, at('2026-11-30T11:29:59Z'))).toBe(true); // 16:59 local
    expect(isOpen(h, at('2026-11-30T11:30:00Z'))).toBe(false);
  });
});

describe('localTime', () => {
  it('gives the local date, weekday and minutes', () => {
    expect(localTime('Asia/Tokyo', at('2026-11-30T15:30:00Z'))).toEqual({ date: '2026-12-01', weekday: 'tue', minutes: 30 });
    expect(localTime('Europe/Warsaw', at('2026-11-30T23:00:00Z'))).toEqual({ date: '2026-12-01', weekday: 'tue', minutes: 0 });
  });
});
