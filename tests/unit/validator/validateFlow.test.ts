import { describe, expect, it } from 'vitest';
import { hasErrors, PROBLEM_CODES, validateFlow } from '../../../runtime/src/validator';
import { e, flow, message, start } from './build';

describe('validateFlow', () => {
  it('lists errors before warnings', () => {
    const problems = validateFlow(flow([start(), message('m', ''), message('lost', 'x')], [e('start', 'next', 'm'), e('m', 'next', 'gone')]));
    const severities = problems.map((p) => p.severity);
    expect(severities).toContain('error');
    expect(severities).toContain('warning');
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
  });

  it('hasErrors ignores warnings', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([{ severity: 'warning', code: 'empty-message', message: '' }])).toBe(false);
    expect(hasErrors([{ severity: 'error', code: 'missing-start', message: '' }])).toBe(true);
  });

  it('documents every code in kebab-case with its severity', () => {
    for (const [code, info] of Object.entries(PROBLEM_CODES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(info.description.length).toBeGreaterThan(10);
    }
  });

  it('reports each problem with the severity its code documents', () => {
    const problems = validateFlow(
      flow([start(), start('s2'), message('m', ''), message('lost', 'Hi {{x}}')], [e('start', 'next', 'm'), e('m', 'next', 'nowhere')]),
    );
    expect(problems.length).toBeGreaterThan(3);
    for (const p of problems) expect(p.severity).toBe(PROBLEM_CODES[p.code].severity);
  });
});
