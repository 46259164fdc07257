import type { VariableType, VariableValue } from '@switchboard/runtime';

export type ParsedValue = { ok: true; value: VariableValue } | { ok: false };

/** What the previewer typed into the variables watch, as the variable's type reads it. Empty clears. */
export function parseVariableInput(type: VariableType | undefined, raw: string): ParsedValue {
  if (raw.trim() === '') return { ok: true, value: null };
  switch (type) {
    case 'number': {
      const n = Number(raw.trim().replace(',', '.'));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (v === 'true') return { ok: true, value: true };
      if (v === 'false') return { ok: true, value: false };
      return { ok: false };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()) ? { ok: true, value: raw.trim() } : { ok: false };
    case 'string':
    case undefined:
      return { ok: true, value: raw };
  }
}

export function formatVariableValue(value: VariableValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
