import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeTestApp, type TestApp } from './support/testApp';
import { validFlow } from './support/flows';
import { csvCell } from '../../api/src/audit/csv';
import { describeOnEachBackend } from './support/backends';

// The log through the API on both back ends of the core stores: filters, pages and export come from the store.
describeOnEachBackend('the audit log API', (backend) => {
  let t: TestApp;
  let admin: ReturnType<typeof as>;
  let editor: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await makeTestApp({ backend });
    admin = as(t.app, t.accounts.admin);
    editor = as(t.app, t.accounts.editor);
  });
  afterAll(() => t.close());

  async function entries(query = '') {
    const res = await admin.get(`/api/audit${query}`);
    expect(res.status).toBe(200);
    return res.body.entries as { action: string; actor: { kind: string; id: string | null; name: string | null }; target: string | null; detail: Record<string, unknown> }[];
  }

  describe('the audit log', () => {
    it('records sign-ins, and failures with the email tried', async () => {
      await request(t.app).post('/api/auth/login').send({ email: 'editor@example.com', password: 'wrong password!' }).expect(401);
      await request(t.app).post('/api/auth/login').send({ email: 'nobody@example.com', password: 'wrong password!' }).expect(401);
      const failed = await entries('?action=auth.loginFailed');
      expect(failed.map((e) => [e.actor.name, e.detail.reason])).toEqual([
        ['nobody@example.com', 'unknownEmail'],
        ['editor@example.com', 'wrongPassword'],
      ]);
      expect(JSON.stringify(failed)).not.toContain('wrong password!');
      const logins = await entries('?action=auth.login');
      expect(logins.map((e) => e.actor.name)).toEqual(expect.arrayContaining(['admin@example.com', 'editor@example.com', 'agent@example.com']));
    });

    it('records user and role changes, tokens and secrets (never their values)', async () => {
      const created = await admin.post('/api/users').send({ email: 'new@example.com', name: 'New', role: 'agent', password: 'a long enough password' });
      expect(created.status).toBe(201);
      const id = created.body.user.id as string;
      await admin.patch(`/api/users/${id}`).send({ role: 'editor' }).expect(200);
      await admin.delete(`/api/users/${id}`).expect(204);
      const token = await admin.post('/api/tokens').send({ name: 'CI', role: 'editor' });
      await admin.delete(`/api/tokens/${token.body.token.id}`).expect(204);
      await admin.put('/api/secrets/SHOP_TOKEN').send({ value: 'super-secret-value', hosts: ['127.0.0.1'] }).expect(201);
      await admin.delete('/api/secrets/SHOP_TOKEN').expect(204);

      const all = await entries(`?actor=${encodeURIComponent('admin@example')}`);
      const summary = all.map((e) => [e.action, e.target]);
      expect(summary).toEqual(
        expect.arrayContaining([
          ['user.create', id],
          ['user.update', id],
          ['user.delete', id],
          ['token.create', token.body.token.id],
          ['token.revoke', token.body.token.id],
          ['secret.set', 'SHOP_TOKEN'],
          ['secret.delete', 'SHOP_TOKEN'],
        ]),
      );
      expect(all.find((e) => e.action === 'user.update')?.detail).toMatchObject({ roleFrom: 'agent', roleTo: 'editor' });
      expect(all.find((e) => e.action === 'secret.set')?.detail).toMatchObject({ created: true, valueChanged: true, hosts: '127.0.0.1' });
      expect(JSON.stringify(all)).not.toContain('super-secret-value');
      expect(JSON.stringify(all)).not.toContain(token.body.secret);
      expect(all.every((e) => e.actor.id === t.accounts.admin.id && e.actor.kind === 'user')).toBe(true);
    });

    it('records publish, rollback, unpublish, privacy edits, settings changes and flow deletion', async () => {
      const id = (await editor.post('/api/flows').send({ document: validFlow('audited') })).body.id as string;
      await editor.post(`/api/flows/${id}/publish`).send({ note: 'v1' }).expect(201);
      await editor.post(`/api/flows/${id}/publish`).send({ note: 'v2' }).expect(201);
      await editor.post(`/api/flows/${id}/versions/1/rollback`).send({}).expect(201);
      await editor.post(`/api/flows/${id}/unpublish`).expect(200);
      const draft = (await editor.get(`/api/flows/${id}`)).body;
      draft.settings.privacy.mask.emails = true;
      draft.settings.privacy.notice.text = 'We keep chats for 90 days.';
      await editor.put(`/api/flows/${id}`).send(draft).expect(200);
      const settings = (await admin.get('/api/settings')).body;
      await admin.put('/api/settings').send({ ...settings, retentionDays: 90 }).expect(200);
      await editor.delete(`/api/flows/${id}`).expect(204);

      const log = await entries(`?actor=${t.accounts.editor.id}`);
      expect(log.filter((e) => e.target === id).map((e) => e.action)).toEqual([
        'flow.delete',
        'flow.privacy',
        'flow.unpublish',
        'flow.rollback',
        'flow.publish',
        'flow.publish',
      ]);
      expect(log.find((e) => e.action === 'flow.privacy')?.detail).toEqual({ 'mask.emails': true, notice: 'changed' });
      const [change] = await entries('?action=settings.update');
      expect(change?.detail).toMatchObject({ changed: 'retentionDays', retentionDaysFrom: null, retentionDaysTo: 90 });
    });

    it('filters by date and pages newest first', async () => {
      expect(await entries('?from=2030-01-01')).toEqual([]);
      expect((await entries('?to=2000-01-01')).length).toBe(0);
      const first = await admin.get('/api/audit?limit=2');
      expect(first.body.entries).toHaveLength(2);
      const next = await admin.get(`/api/audit?limit=2&before=${first.body.nextCursor}`);
      expect(next.body.entries[0].id).toBeLessThan(first.body.entries[1].id);
      expect((await admin.get('/api/audit?from=yesterday')).status).toBe(400);
      expect((await admin.get('/api/audit?action=made.up')).status).toBe(400);
    });

    it('is for admins only', async () => {
      expect((await editor.get('/api/audit')).status).toBe(403);
      expect((await as(t.app, t.accounts.agent).get('/api/audit/export')).status).toBe(403);
      expect((await request(t.app).get('/api/audit')).status).toBe(401);
    });

    it('exports CSV with formulas neutralised, and JSON', async () => {
      await request(t.app).post('/api/auth/login').send({ email: '=HYPERLINK("http://x")@a.pl', password: 'wrong password!' });
      const csv = await admin.get('/api/audit/export?format=csv&action=auth.loginFailed');
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toBe('id,at,actorKind,actorId,actor,action,target,detail');
      expect(csv.text).not.toMatch(/,=HYPERLINK/);
      const json = await admin.get('/api/audit/export?format=json&action=auth.loginFailed');
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(json.text).entries.length).toBe(lines.length - 1);
    });
  });
});

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+48 600', "'+48 600"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['plain', 'plain'],
  ])('%j -> %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
});
