import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { validFlow } from './support/flows';
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
async function importFlow(extra: Record<string, unknown> = {}) {
  seq += 1;
  const res = await editor.post('/api/flows').send({ document: validFlow(`tests-${seq}`), ...extra });
  expect(res.status).toBe(201);
  return res.body as { id: string; revision: number };
}

describe('storing test cases with the flow', () => {
  it('starts a flow with no tests, and stores a suite without moving the draft revision', async () => {
    const flow = await importFlow();
    expect((await editor.get(`/api/flows/${flow.id}/tests`)).body).toEqual({ tests: [] });
    const put = await editor.put(`/api/flows/${flow.id}/tests`).send({ tests: [orderCase()] });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ tests: [orderCase()] });
    expect((await editor.get(`/api/flows/${flow.id}/tests`)).body).toEqual({ tests: [orderCase()] });
    expect((await editor.get(`/api/flows/${flow.id}`)).body).toMatchObject({ revision: flow.revision });
  });

  it('keeps the tests when the editor saves the document, which does not carry them', async () => {
    const flow = await importFlow();
    await editor.put(`/api/flows/${flow.id}/tests`).send({ tests: [orderCase()] });
    const loaded = (await editor.get(`/api/flows/${flow.id}`)).body;
    expect(loaded).not.toHaveProperty('tests');
    const saved = await editor.put(`/api/flows/${flow.id}`).send({ ...loaded, name: 'Renamed' });
    expect(saved.status).toBe(200);
    expect((await editor.get(`/api/flows/${flow.id}/tests`)).body.tests).toEqual([orderCase()]);
  });

  it('refuses an invalid suite with the path of each problem, and keeps the old one', async () => {
    const flow = await importFlow();
    await editor.put(`/api/flows/${flow.id}/tests`).send({ tests: [orderCase()] });
    const broken = { ...orderCase('b'), steps: [{ input: { type: 'text', text: 'hi' }, expect: [] }] };
    const res = await editor.put(`/api/flows/${flow.id}/tests`).send({ tests: [orderCase('a'), broken, orderCase('a')] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_tests');
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'tests.1.steps.0.input', message: expect.stringContaining('null') },
        { path: 'tests.2.id', message: expect.stringContaining('"a"') },
      ]),
    );
    const missing = await editor.put(`/api/flows/${flow.id}/tests`).send({ cases: [] });
    expect(missing.status).toBe(400);
    expect((await editor.get(`/api/flows/${flow.id}/tests`)).body.tests).toEqual([orderCase()]);
  });

  it('answers 404 for a flow that does not exist', async () => {
    expect((await editor.get('/api/flows/nope/tests')).status).toBe(404);
    expect((await editor.put('/api/flows/nope/tests').send({ tests: [] })).status).toBe(404);
    expect((await editor.post('/api/flows/nope/tests/run')).status).toBe(404);
  });

  it('gives a flow created from a sample the sample’s test cases, which pass', async () => {
    const sample = samples[1]!;
    const created = await editor.post('/api/flows').send({ sampleId: sample.id });
    expect(created.status).toBe(201);
    const tests = (await editor.get(`/api/flows/${created.body.id}/tests`)).body.tests;
    expect(tests).toEqual(sample.tests);
    expect(tests.length).toBeGreaterThan(0);
    const run = await editor.post(`/api/flows/${created.body.id}/tests/run`);
    expect(run.body.passed).toBe(true);
    expect(run.body.results).toHaveLength(sample.tests.length);
  });
});

describe('export and import', () => {
  it('exports the tests beside the document, and an import of that file restores them', async () => {
    const flow = await importFlow();
    await editor.put(`/api/flows/${flow.id}/tests`).send({ tests: [orderCase()] });
    const exported = JSON.parse((await editor.get(`/api/flows/${flow.id}/export`)).text);
    expect(exported.tests).toEqual([orderCase()]);
    expect(exported.nodes).toHaveLength(3);
    const { id: _id, ...file } = exported;
    const again = await editor.post('/api/flows').send({ document: file });
    expect(again.status).toBe(201);
    expect((await editor.get(`/api/flows/${again.body.id}/tests`)).body.tests).toEqual([orderCase()]);
  });

  it('exports a flow without tests as the bare document', async () => {
    const flow = await importFlow();
    const exported = JSON.parse((await editor.get(`/api/flows/${flow.id}/export`)).text);
    expect(exported).not.toHaveProperty('tests');
  });

  it('takes tests sent beside the document, and points at a bad case inside the file', async () => {
    const flow = await importFlow({ tests: [orderCase('beside')] });
    expect((await editor.get(`/api/flows/${flow.id}/tests`)).body.tests.map((c: { id: string }) => c.id)).toEqual(['beside']);

    const bad = await editor.post('/api/flows').send({ document: { ...validFlow('bad-tests'), tests: [{ id: 'x', name: '', steps: [] }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['document.tests.0.name', 'document.tests.0.steps']));
    expect((await editor.get('/api/flows/bad-tests')).status).toBe(404);
  });
});

describe('running the tests', () => {
  it('reports each case, the first difference in words, and coverage', async () => {
    const flow = await importFlow();
    const wrong = orderCase('wrong', 'Thanks, your order is on its way.');
    await editor.put(`/api/flows/${flow.id}/tests`).send({ tests: [orderCase(), wrong] });
    const res = await editor.post(`/api/flows/${flow.id}/tests/run`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: null, passed: false });
    expect(res.body.results).toEqual([
      { id: 'order-given', name: orderCase().name, passed: true },
      {
        id: 'wrong',
        name: wrong.name,
        passed: false,
        firstDifference: { kind: 'text', step: 1, index: 0, expected: 'Thanks, your order is on its way.', actual: 'Thanks, A-17 is on its way.' },
        message: 'Step 2, message 1: expected "Thanks, your order is on its way." but the bot said "Thanks, A-17 is on its way."',
      },
    ]);
    // start, ask, bye and the two handles taken; the `invalid` output was never used.
    expect(res.body.coverage.nodes).toEqual({ covered: ['start', 'ask', 'bye'], uncovered: [] });
    expect(res.body.coverage.handles.uncovered).toEqual([{ nodeId: 'ask', handle: 'invalid' }]);
    expect(res.body.coverage.ratio).toBeCloseTo(5 / 6);
  });

  it('reports a passing suite as passed, and an empty one as passed with no results', async () => {
    const flow = await importFlow();
    expect((await editor.post(`/api/flows/${flow.id}/tests/run`)).body).toMatchObject({ passed: true, results: [] });
    await editor.put(`/api/flows/${flow.id}/tests`).send({ tests: [orderCase()] });
    expect((await editor.post(`/api/flows/${flow.id}/tests/run`)).body).toMatchObject({ passed: true });
  });

  it('runs on a published version with ?version=N, while the draft has moved on', async () => {
    const flow = await importFlow();
    await editor.put(`/api/flows/${flow.id}/tests`).send({ tests: [orderCase()] });
    expect((await editor.post(`/api/flows/${flow.id}/publish`).send({ note: 'v1' })).status).toBe(201);
    const draft = (await editor.get(`/api/flows/${flow.id}`)).body;
    draft.nodes[1].data.text = 'What is your order number?';
    expect((await editor.put(`/api/flows/${flow.id}`).send(draft)).status).toBe(200);

    expect((await editor.post(`/api/flows/${flow.id}/tests/run`)).body.passed).toBe(false);
    const onV1 = await editor.post(`/api/flows/${flow.id}/tests/run?version=1`);
    expect(onV1.body).toMatchObject({ version: 1, passed: true });
    expect((await editor.post(`/api/flows/${flow.id}/tests/run?version=9`)).status).toBe(404);
    const bad = await editor.post(`/api/flows/${flow.id}/tests/run?version=first`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.version');
  });
});

describe('who may use flow tests', () => {
  it('lets a CI system run them with an editor API token and no CSRF token', async () => {
    const flow = await importFlow();
    const secret = await t.token('editor');
    const res = await request(t.app).post(`/api/flows/${flow.id}/tests/run`).set('Authorization', `Bearer ${secret}`);
    expect(res.status).toBe(200);
    expect(res.body.passed).toBe(true);
  });

  it('refuses agents, anonymous callers, and cookie changes without CSRF', async () => {
    const flow = await importFlow();
    const agent = as(t.app, t.accounts.agent);
    expect((await agent.get(`/api/flows/${flow.id}/tests`)).status).toBe(403);
    expect((await agent.post(`/api/flows/${flow.id}/tests/run`)).status).toBe(403);
    expect((await request(t.app).get(`/api/flows/${flow.id}/tests`)).status).toBe(401);
    const noCsrf = await request(t.app).put(`/api/flows/${flow.id}/tests`).set('Cookie', t.accounts.editor.cookie).send({ tests: [] });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf');
    const admin = as(t.app, t.accounts.admin);
    expect((await admin.put(`/api/flows/${flow.id}/tests`).send({ tests: [orderCase()] })).status).toBe(200);
  });
});
