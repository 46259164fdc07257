const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Day first, as written in Poland and most of Europe: 24.12.2026, 24/12/2026, 24-12-2026.
const DAY_FIRST_RE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone shifts.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** A calendar date in a common written form, returned as ISO `YYYY-MM-DD`. */
export function parseDateAnswer(text: string): string | null {
  const t = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_RE.exec(t);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else {
    const dayFirst = DAY_FIRST_RE.exec(t);
    if (!dayFirst) return null;
    day = Number(dayFirst[1]);
    month = Number(dayFirst[2]);
    year = Number(dayFirst[3]);
  }
  if (!isRealDate(year, month, day)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
