import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { as, makeTestApp, type TestApp } from '../support/testApp';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A second admin who makes an admin API token, so their account can then change under it. */
async function adminWithToken(app: TestApp) {
  const admin = as(app.app, app.accounts.admin);
  const created = await admin.post('/api/users').send({ email: 'ops@example.com', name: 'Ops', role: 'admin', password: 'a long enough password' }).expect(201);
  const ops = await app.login('ops@example.com');
  const made = await as(app.app, ops).post('/api/tokens').send({ name: 'deploy', role: 'admin' }).expect(201);
  const secret = made.body.secret as string;
  const use = () => request(app.app).get('/api/users').set('Authorization', `Bearer ${secret}`);
  expect((await use()).status).toBe(200);
  return { admin, id: created.body.user.id as string, secret, use };
}

describe('API tokens follow their owner', () => {
  it('stop working when the admin who made them is demoted', async () => {
    t = await makeTestApp();
    const { admin, id, use } = await adminWithToken(t);
    await admin.patch(`/api/users/${id}`).send({ role: 'editor' }).expect(200);
    expect((await use()).status).toBe(401);
    // Promoted again, the token works again: nothing was deleted.
    await admin.patch(`/api/users/${id}`).send({ role: 'admin' }).expect(200);
    expect((await use()).status).toBe(200);
  });

  it('stop working when the admin who made them is deleted', async () => {
    t = await makeTestApp();
    const { admin, id, use } = await adminWithToken(t);
    await admin.delete(`/api/users/${id}`).expect((res) => expect([200, 204]).toContain(res.status));
    expect((await use()).status).toBe(401);
  });

  it('a token made with a token belongs to the person behind it', async () => {
    t = await makeTestApp();
    const { admin, id, secret } = await adminWithToken(t);
    const child = await request(t.app).post('/api/tokens').set('Authorization', `Bearer ${secret}`).send({ name: 'child', role: 'editor' }).expect(201);
    const useChild = () => request(t!.app).get('/api/flows').set('Authorization', `Bearer ${child.body.secret}`);
    expect((await useChild()).status).toBe(200);
    await admin.patch(`/api/users/${id}`).send({ role: 'agent' }).expect(200);
    expect((await useChild()).status).toBe(401);
  });
});
