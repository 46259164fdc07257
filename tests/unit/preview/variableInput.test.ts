import { describe, expect, it } from 'vitest';
import { formatVariableValue, parseVariableInput } from '../../../editor/src/flow-editor/preview/variableInput';

describe('parseVariableInput', () => {
  it('reads values by the variable type', () => {
    expect(parseVariableInput('number', ' 12,5 ')).toEqual({ ok: true, value: 12.5 });
    expect(parseVariableInput('number', 'twelve')).toEqual({ ok: false });
    expect(parseVariableInput('boolean', 'TRUE')).toEqual({ ok: true, value: true });
    expect(parseVariableInput('boolean', 'yes')).toEqual({ ok: false });
    expect(parseVariableInput('date', '2026-12-24')).toEqual({ ok: true, value: '2026-12-24' });
    expect(parseVariableInput('date', '24.12.2026')).toEqual({ ok: false });
    expect(parseVariableInput('string', ' Anna ')).toEqual({ ok: true, value: ' Anna ' });
  });

  it('clears on empty input', () => {
    expect(parseVariableInput('number', '  ')).toEqual({ ok: true, value: null });
  });

  it('formats unset as empty', () => {
    expect(formatVariableValue(null)).toBe('');
    expect(formatVariableValue(undefined)).toBe('');
    expect(formatVariableValue(false)).toBe('false');
  });
});
