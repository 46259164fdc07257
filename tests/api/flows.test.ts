import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { flowWithErrors, validFlow } from './support/flows';
import { samples } from '../../samples';

let t: TestApp;
let editor: ReturnType<typeof as>;

beforeAll(async () => {
  t = await makeTestApp();
  editor = as(t.app, t.accounts.editor);
});
afterAll(() => t.close());

async function importFlow(doc = validFlow(`f-${Math.random().toString(36).slice(2)}`)) {
  const res = await editor.post('/api/flows').send({ document: doc });
  expect(res.status).toBe(201);
  return res.body as { id: string; revision: number; name: string };
}

describe('creating flows', () => {
  it('creates a blank flow with a start step wired to a greeting', async () => {
    const res = await editor.post('/api/flows').send({ name: 'Returns', locale: 'pl' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Returns', locale: 'pl', revision: 1, publishedVersion: null, hasUnpublishedChanges: true });
    expect(res.body.updatedBy).toEqual({ id: t.accounts.editor.id, name: 'Editor Person' });
    expect(res.body.nodes.map((n: { type: string }) => n.type)).toEqual(['start', 'message']);
    expect(res.body.edges).toEqual([expect.objectContaining({ source: 'start', target: 'welcome' })]);
    expect(res.body.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
  });

  it('creates a flow from a sample under a new id', async () => {
    const sample = samples[0]!;
    const res = await editor.post('/api/flows').send({ sampleId: sample.id, name: 'My copy' });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('My copy');
    expect(res.body.id).not.toBe(sample.id);
    expect(res.body.nodes).toEqual(sample.flow.nodes);
  });

  it('refuses an unknown sample with the field', async () => {
    const res = await editor.post('/api/flows').send({ sampleId: 'nope' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'sampleId', message: expect.any(String) }]);
  });

  it('imports a document, assigning a new id when it collides or is missing', async () => {
    const first = await importFlow(validFlow('imported'));
    expect(first.id).toBe('imported');
    const again = await importFlow(validFlow('imported'));
    expect(again.id).not.toBe('imported');
    const { id: _drop, ...noId } = validFlow('x');
    const res = await editor.post('/api/flows').send({ document: noId });
    expect(res.status).toBe(201);
    expect(res.body.id).toEqual(expect.any(String));
    expect((await editor.get('/api/flows/imported')).body.nodes).toHaveLength(3);
  });

  it('reports an unknown node kind and an unknown field with their paths', async () => {
    const doc = validFlow('bad-kind') as { nodes: Record<string, unknown>[] };
    doc.nodes[1] = { id: 'x', type: 'teleport', position: { x: 0, y: 0 }, data: {} };
    const res = await editor.post('/api/flows').send({ document: doc });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_flow');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('document.nodes.1.type');

    const extra = validFlow('bad-field') as { nodes: { data: Record<string, unknown> }[] };
    extra.nodes[2]!.data.colour = 'red';
    const res2 = await editor.post('/api/flows').send({ document: extra });
    expect(res2.status).toBe(400);
    expect(res2.body.error.details[0].path).toMatch(/^document\.nodes\.2\.data/);
  });

  it('validates the blank-flow body', async () => {
    const res = await editor.post('/api/flows').send({ name: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'name', message: expect.any(String) }]);
  });
});

describe('reading and listing', () => {
  it('lists flows with summary fields and who changed them', async () => {
    const flow = await importFlow();
    const res = await editor.get('/api/flows');
    expect(res.status).toBe(200);
    const entry = res.body.flows.find((f: { id: string }) => f.id === flow.id);
    expect(entry).toEqual({
      id: flow.id,
      name: 'Order status',
      description: '',
      locale: 'en',
      revision: 1,
      updatedAt: new Date(t.now.value).toISOString(),
      updatedBy: { id: t.accounts.editor.id, name: 'Editor Person' },
      publishedVersion: null,
      hasUnpublishedChanges: true,
    });
  });

  it('returns the document with revision and problems; 404 for unknown ids', async () => {
    const flow = await importFlow();
    const res = await editor.get(`/api/flows/${flow.id}`);
    expect(res.body).toMatchObject({ id: flow.id, schemaVersion: 2, revision: 1, problems: [] });
    expect((await editor.get('/api/flows/missing')).status).toBe(404);
    expect((await editor.get('/api/flows/missing')).body.error.code).toBe('not_found');
  });
});

describe('saving with optimistic concurrency', () => {
  it('saves with If-Match (quotes tolerated) and bumps the revision', async () => {
    const flow = await importFlow();
    const doc = (await editor.get(`/api/flows/${flow.id}`)).body;
    const res = await editor.put(`/api/flows/${flow.id}`).set('If-Match', '"1"').send({ ...doc, name: 'Renamed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Renamed', revision: 2 });
  });

  it('takes the revision from the body, or from {flow, revision}', async () => {
    const flow = await importFlow();
    const doc = (await editor.get(`/api/flows/${flow.id}`)).body;
    expect((await editor.put(`/api/flows/${flow.id}`).send({ ...doc, name: 'B1' })).body.revision).toBe(2);
    const wrapped = await editor.put(`/api/flows/${flow.id}`).send({ flow: { ...validFlow(flow.id), name: 'B2' }, revision: 2 });
    expect(wrapped.status).toBe(200);
    expect(wrapped.body).toMatchObject({ name: 'B2', revision: 3 });
  });

  it('asks for a revision with 428', async () => {
    const flow = await importFlow();
    const res = await editor.put(`/api/flows/${flow.id}`).send(validFlow(flow.id));
    expect(res.status).toBe(428);
    expect(res.body.error.code).toBe('revision_required');
  });

  it('lets exactly one of two saves on the same revision through; the other gets 409 and changes nothing', async () => {
    const flow = await importFlow();
    const [a, b] = await Promise.all([
      editor.put(`/api/flows/${flow.id}`).set('If-Match', '1').send({ ...validFlow(flow.id), name: 'From A' }),
      editor.put(`/api/flows/${flow.id}`).set('If-Match', '1').send({ ...validFlow(flow.id), name: 'From B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect(loser.body).toEqual({
      error: { code: 'conflict', message: expect.any(String), details: [] },
      current: { revision: 2, updatedAt: expect.any(String), updatedBy: { id: t.accounts.editor.id, name: 'Editor Person' } },
    });
    const stored = await editor.get(`/api/flows/${flow.id}`);
    expect(stored.body).toMatchObject({ name: winner.body.name, revision: 2 });
  });

  it('reports schema errors with paths like nodes.1.data.text', async () => {
    const flow = await importFlow();
    const doc = validFlow(flow.id) as { nodes: { data: Record<string, unknown> }[] };
    doc.nodes[1]!.data.text = 42;
    const res = await editor.put(`/api/flows/${flow.id}`).set('If-Match', '1').send(doc);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({ path: 'nodes.1.data.text', message: expect.any(String) });
  });

  it('refuses a document whose id differs from the URL', async () => {
    const flow = await importFlow();
    const res = await editor.put(`/api/flows/${flow.id}`).set('If-Match', '1').send(validFlow('other'));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'id', message: expect.any(String) }]);
  });

  it('gives 404 for an unknown flow', async () => {
    const res = await editor.put('/api/flows/nope').set('If-Match', '1').send(validFlow('nope'));
    expect(res.status).toBe(404);
  });
});

describe('bad bodies', () => {
  it('answers malformed JSON with 400 invalid_json, not 500', async () => {
    const res = await editor.post('/api/flows').set('Content-Type', 'application/json').send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'invalid_json', message: expect.any(String), details: [] });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers a body over 2 MB with 413', async () => {
    const big = { name: 'x', description: 'y'.repeat(2.1 * 1024 * 1024) };
    const res = await editor.post('/api/flows').send(big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await editor.post('/api/flows').set('Content-Type', 'text/plain').send('name=x');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    const form = await editor.post('/api/flows').type('form').send({ name: 'x' });
    expect(form.status).toBe(415);
  });

  it('answers an unsupported charset with 415', async () => {
    const res = await editor.post('/api/flows').set('Content-Type', 'application/json; charset=latin-9000').send('{"name":"x"}');
    expect(res.status).toBe(415);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await request(t.app).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('delete, export, validate', () => {
  it('deletes a flow (204), then 404', async () => {
    const flow = await importFlow();
    expect((await editor.delete(`/api/flows/${flow.id}`)).status).toBe(204);
    expect((await editor.get(`/api/flows/${flow.id}`)).status).toBe(404);
    expect((await editor.delete(`/api/flows/${flow.id}`)).status).toBe(404);
  });

  it('exports the bare document as an attachment named after the flow', async () => {
    const flow = await importFlow({ ...validFlow('exp'), name: 'Zamówienia: status łóżek!' });
    const res = await editor.get(`/api/flows/${flow.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="zamowienia-status-lozek.json"');
    const doc = JSON.parse(res.text);
    expect(doc).not.toHaveProperty('revision');
    expect(doc).not.toHaveProperty('problems');
    expect(doc.id).toBe('exp');
    // Round trip: an export imports again.
    expect((await editor.post('/api/flows').send({ document: doc })).status).toBe(201);
  });

  it('validates the saved draft, or a document sent in the body', async () => {
    const flow = await importFlow();
    const saved = await editor.post(`/api/flows/${flow.id}/validate`);
    expect(saved.body).toEqual({ problems: [] });
    const sent = await editor.post(`/api/flows/${flow.id}/validate`).send(flowWithErrors(flow.id));
    expect(sent.status).toBe(200);
    expect(sent.body.problems).toContainEqual(expect.objectContaining({ severity: 'error', nodeId: 'jump1' }));
    const invalid = await editor.post(`/api/flows/${flow.id}/validate`).send({ schemaVersion: 2 });
    expect(invalid.status).toBe(400);
  });
});

describe('publishing and versions', () => {
  it('refuses to publish a flow with errors (422) with node paths and problems', async () => {
    const flow = await importFlow(flowWithErrors(`broken-${Date.now()}`));
    const res = await editor.post(`/api/flows/${flow.id}/publish`).send({ note: 'try' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('flow_has_errors');
    expect(res.body.error.details).toContainEqual({ path: 'nodes.jump1', message: expect.any(String) });
    expect(res.body.problems).toContainEqual(expect.objectContaining({ nodeId: 'jump1' }));
    expect((await editor.get(`/api/flows/${flow.id}/versions`)).body.versions).toEqual([]);
  });

  it('publishes, lists versions newest first, rolls back, and unpublishes', async () => {
    const flow = await importFlow();
    const v1 = await editor.post(`/api/flows/${flow.id}/publish`).send({ note: 'first' });
    expect(v1.status).toBe(201);
    expect(v1.body).toEqual({
      version: {
        number: 1,
        note: 'first',
        publishedAt: new Date(t.now.value).toISOString(),
        publishedBy: { id: t.accounts.editor.id, name: 'Editor Person' },
        live: true,
      },
    });
    let draft = (await editor.get(`/api/flows/${flow.id}`)).body;
    expect(draft).toMatchObject({ publishedVersion: 1, hasUnpublishedChanges: false });

    await editor.put(`/api/flows/${flow.id}`).set('If-Match', '1').send({ ...validFlow(flow.id), name: 'Second' });
    draft = (await editor.get(`/api/flows/${flow.id}`)).body;
    expect(draft.hasUnpublishedChanges).toBe(true);
    expect((await editor.post(`/api/flows/${flow.id}/publish`).send({ note: 'second' })).body.version.number).toBe(2);

    const list = await editor.get(`/api/flows/${flow.id}/versions`);
    expect(list.body.versions.map((v: { number: number; live: boolean }) => [v.number, v.live])).toEqual([
      [2, true],
      [1, false],
    ]);

    const one = await editor.get(`/api/flows/${flow.id}/versions/1`);
    expect(one.body).toMatchObject({ number: 1, note: 'first', live: false, flow: { name: 'Order status' } });
    expect((await editor.get(`/api/flows/${flow.id}/versions/9`)).status).toBe(404);
    expect((await editor.get(`/api/flows/${flow.id}/versions/abc`)).status).toBe(400);

    const rollback = await editor.post(`/api/flows/${flow.id}/versions/1/rollback`).send({});
    expect(rollback.status).toBe(201);
    expect(rollback.body.version).toMatchObject({ number: 3, live: true, note: 'Rollback to version 1' });
    const v3 = await editor.get(`/api/flows/${flow.id}/versions/3`);
    expect(v3.body.flow).toEqual(one.body.flow);
    // Older versions are untouched by later publishing: conversations pinned to them keep running.
    expect((await editor.get(`/api/flows/${flow.id}/versions/2`)).body.flow.name).toBe('Second');

    const unpublished = await editor.post(`/api/flows/${flow.id}/unpublish`);
    expect(unpublished.status).toBe(200);
    expect(unpublished.body).toEqual({ publishedVersion: null });
    const summary = (await editor.get('/api/flows')).body.flows.find((f: { id: string }) => f.id === flow.id);
    expect(summary).toMatchObject({ publishedVersion: null, hasUnpublishedChanges: true });
    expect((await editor.get(`/api/flows/${flow.id}/versions`)).body.versions.every((v: { live: boolean }) => !v.live)).toBe(true);
  });

  it('publishes without a body (note defaults to empty)', async () => {
    const flow = await importFlow();
    const res = await editor.post(`/api/flows/${flow.id}/publish`);
    expect(res.status).toBe(201);
    expect(res.body.version.note).toBe('');
  });

  it('lists samples', async () => {
    const res = await editor.get('/api/samples');
    expect(res.status).toBe(200);
    expect(res.body.samples).toEqual(samples.map((s) => ({ id: s.id, name: s.name, description: s.description, locale: s.locale })));
  });
});
