import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { flowWithErrors, validFlow } from './support/flows';
import { orderCase } from './support/flowTestCases';
import { samples } from '../../samples';

let t: TestApp;
let editor: ReturnType<typeof as>;

beforeAll(async () => {
  t = await makeTestApp();
  editor = as(t.app, t.accounts.editor);
});
afterAll(() => t.close());

let seq = 0;
async function flowWithTests(tests = [orderCase()], doc = validFlow(`pub-${++seq}`)) {
  const res = await editor.post('/api/flows').send({ document: doc, tests });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function editAskText(id: string, text: string) {
  const draft = (await editor.get(`/api/flows/${id}`)).body;
  draft.nodes.find((n: { id: string }) => n.id === 'ask').data.text = text;
  expect((await editor.put(`/api/flows/${id}`).send(draft)).status).toBe(200);
}

const versions = async (id: string) => (await editor.get(`/api/flows/${id}/versions`)).body.versions;

describe('publishing runs the flow tests', () => {
  it('publishes when every case passes, without recording an override', async () => {
    const id = await flowWithTests();
    const res = await editor.post(`/api/flows/${id}/publish`).send({ note: 'first', overrideNote: 'not needed' });
    expect(res.status).toBe(201);
    expect(res.body.version).toMatchObject({ number: 1, note: 'first', live: true });
    expect(res.body.version).not.toHaveProperty('overrideNote');
  });

  it('refuses with tests_failed, the first difference per failing case, and the results', async () => {
    const id = await flowWithTests([orderCase('ok'), orderCase('outdated', 'Thanks, we are checking order A-17.')]);
    const res = await editor.post(`/api/flows/${id}/publish`).send({ note: 'try' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'tests_failed', message: expect.stringContaining('1 test case') });
    expect(res.body.error.details).toEqual([
      { path: 'tests.outdated', message: expect.stringContaining('expected "Thanks, we are checking order A-17." but the bot said "Thanks, A-17 is on its way."') },
    ]);
    expect(res.body.results.map((r: { id: string; passed: boolean }) => [r.id, r.passed])).toEqual([
      ['ok', true],
      ['outdated', false],
    ]);
    expect(await versions(id)).toEqual([]);
  });

  it('treats a blank override note as none', async () => {
    const id = await flowWithTests([orderCase('outdated', 'Old text')]);
    expect((await editor.post(`/api/flows/${id}/publish`).send({ note: 'x', overrideNote: '   ' })).status).toBe(422);
  });

  it('publishes over failing tests with an override note, recorded on the version and in the list', async () => {
    const id = await flowWithTests([orderCase('outdated', 'Old text')]);
    const res = await editor.post(`/api/flows/${id}/publish`).send({ note: 'hotfix', overrideNote: '  Test is outdated, fixing tomorrow ' });
    expect(res.status).toBe(201);
    expect(res.body.version).toMatchObject({ number: 1, note: 'hotfix', overrideNote: 'Test is outdated, fixing tomorrow' });
    expect(await versions(id)).toEqual([expect.objectContaining({ number: 1, overrideNote: 'Test is outdated, fixing tomorrow', live: true })]);
    expect((await editor.get(`/api/flows/${id}/versions/1`)).body.overrideNote).toBe('Test is outdated, fixing tomorrow');
  });

  it('reports validator errors before running any test', async () => {
    const id = await flowWithTests([orderCase('cannot-pass', 'nothing')], flowWithErrors(`pub-broken-${++seq}`) as ReturnType<typeof validFlow>);
    const res = await editor.post(`/api/flows/${id}/publish`).send({ note: 'x', overrideNote: 'ship it' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('flow_has_errors');
    expect(res.body.problems.length).toBeGreaterThan(0);
  });

  it('refuses an override note that is not a string', async () => {
    const id = await flowWithTests();
    const res = await editor.post(`/api/flows/${id}/publish`).send({ note: 'x', overrideNote: true });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('overrideNote');
  });
});

describe('the change summary for the publish dialog', () => {
  it('compares the draft with an empty flow while nothing is live', async () => {
    const id = await flowWithTests([]);
    const res = await editor.get(`/api/flows/${id}/diff`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: null, to: 'draft', summary: { nodes: { added: 3, removed: 0, changed: 0 }, edges: { added: 3 }, variables: { added: 1 }, settings: 0, meta: 0 } });
  });

  it('shows the texts changed since the live version, and between any two versions', async () => {
    const id = await flowWithTests([]);
    await editor.post(`/api/flows/${id}/publish`).send({ note: 'v1' });
    expect((await editor.get(`/api/flows/${id}/diff`)).body).toMatchObject({ from: 1, to: 'draft', summary: { total: 0 } });

    await editAskText(id, 'Your order number, please?');
    const live = await editor.get(`/api/flows/${id}/diff`);
    expect(live.body).toMatchObject({ from: 1, to: 'draft', summary: { total: 1, texts: 1, nodes: { changed: 1 } } });
    expect(live.body.textChanges).toEqual([{ nodeId: 'ask', field: 'text', before: 'Your order number?', after: 'Your order number, please?' }]);
    expect(live.body.nodes.changed[0]).toMatchObject({ id: 'ask', fields: ['text'] });

    await editor.post(`/api/flows/${id}/publish`).send({ note: 'v2' });
    const between = await editor.get(`/api/flows/${id}/diff?from=2&to=1`);
    expect(between.body).toMatchObject({ from: 2, to: 1 });
    expect(between.body.textChanges).toEqual([{ nodeId: 'ask', field: 'text', before: 'Your order number, please?', after: 'Your order number?' }]);
    expect((await editor.get(`/api/flows/${id}/diff?from=draft&to=live`)).body).toMatchObject({ from: 'draft', to: 2, summary: { total: 0 } });
  });

  it('answers 404 for an unknown version or flow, and 400 for a malformed side', async () => {
    const id = await flowWithTests([]);
    expect((await editor.get(`/api/flows/${id}/diff?from=3`)).status).toBe(404);
    expect((await editor.get('/api/flows/nope/diff')).status).toBe(404);
    const bad = await editor.get(`/api/flows/${id}/diff?to=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.to');
  });
});

describe('a release from a sample, as a new user would do it', () => {
  it('publishes v1, is stopped by the failing case after a text change, overrides for v2, and rolls back to v1', async () => {
    const sample = samples.find((s) => s.tests.length > 0)!;
    const created = await editor.post('/api/flows').send({ sampleId: sample.id, name: 'My bank bot' });
    const id = created.body.id as string;
    expect((await editor.post(`/api/flows/${id}/publish`).send({ note: 'v1' })).status).toBe(201);

    const draft = (await editor.get(`/api/flows/${id}`)).body;
    const firstText = (sample.tests[0]!.steps[0]!.expect[0]) as string;
    const node = draft.nodes.find((n: { data: { text?: string } }) => n.data.text === firstText);
    expect(node).toBeDefined();
    node.data.text = `${firstText} (updated)`;
    expect((await editor.put(`/api/flows/${id}`).send(draft)).status).toBe(200);

    const summary = (await editor.get(`/api/flows/${id}/diff`)).body;
    expect(summary.textChanges).toEqual([{ nodeId: node.id, field: 'text', before: firstText, after: `${firstText} (updated)` }]);

    const refused = await editor.post(`/api/flows/${id}/publish`).send({ note: 'v2' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain(`tests.${sample.tests[0]!.id}`);

    const v2 = await editor.post(`/api/flows/${id}/publish`).send({ note: 'v2', overrideNote: 'Greeting reworded; cases follow' });
    expect(v2.status).toBe(201);
    const back = await editor.post(`/api/flows/${id}/versions/1/rollback`).send({});
    expect(back.status).toBe(201);
    expect(back.body.version).toMatchObject({ number: 3, live: true });
    expect((await editor.post(`/api/flows/${id}/tests/run?version=3`)).body.passed).toBe(true);
    expect((await versions(id)).map((v: { number: number; overrideNote?: string }) => [v.number, v.overrideNote ?? null])).toEqual([
      [3, null],
      [2, 'Greeting reworded; cases follow'],
      [1, null],
    ]);
  });
});
