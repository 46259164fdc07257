import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { validFlow } from './support/flows';

let t: TestApp;
let editor: ReturnType<typeof as>;

beforeAll(async () => {
  t = await makeTestApp();
  editor = as(t.app, t.accounts.editor);
});
afterAll(() => t.close());

const withText = (id: string, text: string) => {
  const doc = validFlow(id);
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === 'bye' ? { ...n, data: { text } } : n)) };
};

async function byeText(path: string): Promise<string> {
  const body = (await editor.get(path)).body;
  const flow = body.flow ?? body;
  return flow.nodes.find((n: { id: string }) => n.id === 'bye').data.text;
}

async function setUp(id: string) {
  expect((await editor.post('/api/flows').send({ document: withText(id, 'v1 goodbye') })).status).toBe(201);
  await editor.post(`/api/flows/${id}/publish`).send({ note: 'one' });
  await editor.put(`/api/flows/${id}`).set('If-Match', '1').send(withText(id, 'v2 goodbye (bad)'));
  await editor.post(`/api/flows/${id}/publish`).send({ note: 'two' });
}

describe('rolling back', () => {
  it('resets the draft, so an unrelated publish afterwards does not ship the rolled-back edits', async () => {
    const id = 'rb-plain';
    await setUp(id);
    const rollback = await editor.post(`/api/flows/${id}/versions/1/rollback`).send({});
    expect(rollback.status).toBe(201);
    expect(rollback.body).toMatchObject({ version: { number: 3, live: true }, draft: { revision: 3 }, savedCopy: null });

    const draft = (await editor.get(`/api/flows/${id}`)).body;
    expect(draft).toMatchObject({ revision: 3, publishedVersion: 3, hasUnpublishedChanges: false });
    expect(await byeText(`/api/flows/${id}`)).toBe('v1 goodbye');

    // An unrelated change published later carries version 1's goodbye, not version 2's.
    await editor.put(`/api/flows/${id}`).set('If-Match', '3').send({ ...withText(id, 'v1 goodbye'), name: 'Renamed' });
    const v4 = await editor.post(`/api/flows/${id}/publish`).send({ note: 'rename' });
    expect(v4.body.version.number).toBe(4);
    expect(await byeText(`/api/flows/${id}/versions/4`)).toBe('v1 goodbye');
  });

  it('keeps unpublished draft edits as a copy instead of dropping them', async () => {
    const id = 'rb-unpublished';
    await setUp(id);
    await editor.put(`/api/flows/${id}`).set('If-Match', '2').send(withText(id, 'work in progress'));
    const rollback = await editor.post(`/api/flows/${id}/versions/1/rollback`).send({});
    expect(rollback.status).toBe(201);
    const copy = rollback.body.savedCopy as { id: string; name: string };
    expect(copy.name).toBe('Order status (draft before rollback to v1)');
    expect(await byeText(`/api/flows/${copy.id}`)).toBe('work in progress');
    expect(await byeText(`/api/flows/${id}`)).toBe('v1 goodbye');
    const listed = (await editor.get('/api/flows')).body.flows.map((f: { id: string }) => f.id);
    expect(listed).toContain(copy.id);
  });

  it('leaves the draft alone when it already is the rolled-back document', async () => {
    const id = 'rb-same';
    await setUp(id);
    await editor.put(`/api/flows/${id}`).set('If-Match', '2').send(withText(id, 'v1 goodbye'));
    const rollback = await editor.post(`/api/flows/${id}/versions/1/rollback`).send({});
    expect(rollback.body).toMatchObject({ draft: { revision: 3 }, savedCopy: null });
  });
});
