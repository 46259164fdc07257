/** The ranges offered; `custom` takes the two dates typed. */
export type RangePreset = 'today' | '7' | '30' | 'custom';

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** [from, to] as calendar days, both included, ending today by the browser's calendar. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: Date = new Date()): { from: string; to: string } {
  const days = preset === 'today' ? 1 : Number(preset);
  const first = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: iso(first), to: iso(today) };
}
