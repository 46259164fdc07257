import { describe, expect, it } from 'vitest';
import { filterBySearch, normalizeForSearch } from '../../../editor/src/dashboard/search';
import { flowStatus } from '../../../editor/src/dashboard/flowStatus';
import { copyName } from '../../../editor/src/dashboard/duplicateFlow';
import { readFlowText } from '../../../editor/src/dashboard/readFlowFile';
import { matchRoute, safeNext, loginPath } from '../../../editor/src/app/router/routes';

describe('search', () => {
  const flows = [
    { name: 'Zamówienia i zwroty', description: 'Status paczki' },
    { name: 'Łódź hotel', description: '' },
    { name: 'Bank card', description: 'Block or replace a lost card' },
  ];

  it('ignores case and Polish diacritics, including ł', () => {
    expect(normalizeForSearch('ZAMÓWIENIA Łódź')).toBe('zamowienia lodz');
    expect(filterBySearch(flows, 'zamowienia').map((f) => f.name)).toEqual(['Zamówienia i zwroty']);
    expect(filterBySearch(flows, 'LODZ').map((f) => f.name)).toEqual(['Łódź hotel']);
  });

  it('matches the description and needs every word', () => {
    expect(filterBySearch(flows, 'lost card').map((f) => f.name)).toEqual(['Bank card']);
    expect(filterBySearch(flows, 'card paczki')).toEqual([]);
  });

  it('returns everything for an empty query', () => {
    expect(filterBySearch(flows, '   ')).toHaveLength(3);
  });
});

describe('flowStatus', () => {
  it('distinguishes draft, live and live with changes', () => {
    expect(flowStatus({ publishedVersion: null, hasUnpublishedChanges: true })).toEqual({ kind: 'draft' });
    expect(flowStatus({ publishedVersion: 3, hasUnpublishedChanges: false })).toEqual({ kind: 'live', version: 3, unpublishedChanges: false });
    expect(flowStatus({ publishedVersion: 3, hasUnpublishedChanges: true })).toEqual({ kind: 'live', version: 3, unpublishedChanges: true });
  });
});

describe('copyName', () => {
  it('appends the suffix', () => {
    expect(copyName('Orders', '(copy)')).toBe('Orders (copy)');
  });

  it('stays within the 200-character name limit', () => {
    const name = copyName('x'.repeat(200), '(kopia)');
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.endsWith('… (kopia)')).toBe(true);
  });
});

describe('readFlowText', () => {
  const valid = {
    schemaVersion: 2,
    id: 'f1',
    name: 'Imported',
    nodes: [{ id: 's', type: 'start', position: { x: 0, y: 0 }, data: {} }],
    edges: [],
  };

  it('accepts a valid document and fills defaults', () => {
    const result = readFlowText(JSON.stringify(valid));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.flow.settings.sessionTimeoutMinutes).toBe(30);
  });

  it('reports broken JSON and empty files', () => {
    expect(readFlowText('{"name": ')).toMatchObject({ ok: false, reason: 'invalidJson' });
    expect(readFlowText('  ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('names the exact field that is wrong', () => {
    const bad = { ...valid, nodes: [...valid.nodes, { id: 'm', type: 'message', position: { x: 0, y: 0 }, data: { text: 42 } }] };
    const result = readFlowText(JSON.stringify(bad));
    expect(result).toMatchObject({ ok: false, reason: 'invalidFlow' });
    if (!result.ok && result.reason === 'invalidFlow') expect(result.issues.map((i) => i.path)).toContain('nodes.1.data.text');
  });

  it('rejects a document without a schema version', () => {
    const result = readFlowText(JSON.stringify({ name: 'x' }));
    expect(result).toEqual({ ok: false, reason: 'invalidFlow', issues: [{ path: 'schemaVersion', message: 'is required' }] });
  });

  it('accepts an export that carries its test cases, and checks them', () => {
    const testCase = { id: 't1', name: 'Greets', steps: [{ input: null, expect: [] }] };
    const result = readFlowText(JSON.stringify({ ...valid, tests: [testCase] }));
    expect(result).toMatchObject({ ok: true, tests: [testCase] });

    const broken = readFlowText(JSON.stringify({ ...valid, tests: [{ ...testCase, steps: [] }] }));
    expect(broken).toMatchObject({ ok: false, reason: 'invalidFlow' });
    if (!broken.ok && broken.reason === 'invalidFlow') expect(broken.issues[0]!.path).toBe('tests.0.steps');
  });
});

describe('routes', () => {
  it('maps paths to routes', () => {
    expect(matchRoute('/')).toEqual({ name: 'dashboard' });
    expect(matchRoute('/flows/abc%20d')).toEqual({ name: 'flow', flowId: 'abc d' });
    expect(matchRoute('/flows/abc/')).toEqual({ name: 'flow', flowId: 'abc' });
    expect(matchRoute('/flows/abc%20d/analytics')).toEqual({ name: 'analytics', flowId: 'abc d' });
    expect(matchRoute('/flows/%zz/analytics')).toEqual({ name: 'notFound' });
    expect(matchRoute('/flows/abc%20d/not-understood')).toEqual({ name: 'review', flowId: 'abc d' });
    expect(matchRoute('/flows/%zz/not-understood')).toEqual({ name: 'notFound' });
    expect(matchRoute('/inbox')).toEqual({ name: 'inbox' });
    expect(matchRoute('/knowledge/')).toEqual({ name: 'knowledge' });
    expect(matchRoute('/login', '?next=%2Fflows%2Fx')).toEqual({ name: 'login', next: '/flows/x' });
    expect(matchRoute('/nope')).toEqual({ name: 'notFound' });
    expect(matchRoute('/flows/%')).toEqual({ name: 'notFound' });
  });

  it('only follows same-app paths after login', () => {
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/login')).toBe('/');
    expect(safeNext('/flows/1')).toBe('/flows/1');
    expect(safeNext('/flows/1?tab=a#x')).toBe('/flows/1?tab=a#x');
    // Browsers drop tabs and newlines when parsing, turning these into //evil.example.
    expect(safeNext('/\t/evil.example')).toBe('/');
    expect(safeNext('/\n/evil.example')).toBe('/');
    expect(safeNext('/%09/evil.example')).toBe('/%09/evil.example');
    expect(matchRoute('/login', '?next=%2F%09%2Fevil.example')).toEqual({ name: 'login', next: '/' });
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('/flows/1')).toBe('/login?next=%2Fflows%2F1');
  });
});
