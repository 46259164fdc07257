import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { Readiness } from '../../api/src/health/readiness';
import { makeTestApp, type TestApp } from './support/testApp';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) await t.close();
});

async function appWith(readiness?: Readiness): Promise<TestApp> {
  const t = await makeTestApp(readiness ? { readiness } : {});
  apps.push(t);
  return t;
}

describe('GET /healthz and /readyz', () => {
  it('answers alive and ready without an account, never cached', async () => {
    const t = await appWith();
    const live = await request(t.app).get('/healthz').set('Connection', 'keep-alive').expect(200);
    expect(live.body).toEqual({ status: 'ok' });
    expect(live.headers['cache-control']).toBe('no-store');
    const ready = await request(t.app).get('/readyz').expect(200);
    expect(ready.body).toEqual({ ready: true, shuttingDown: false, checks: {} });
    // Only the health answers are no-store; the rest of the app keeps its own caching.
    const other = await request(t.app).get('/api/openapi.json').expect(200);
    expect(other.headers['cache-control']).not.toBe('no-store');
  });

  it('is not ready while a dependency does not answer, and names it', async () => {
    let redisUp = false;
    const t = await appWith(
      new Readiness([
        { name: 'database', check: async () => true },
        { name: 'redis', check: async () => redisUp },
      ]),
    );
    const down = await request(t.app).get('/readyz').expect(503);
    expect(down.body).toEqual({ ready: false, shuttingDown: false, checks: { database: true, redis: false } });
    redisUp = true;
    expect((await request(t.app).get('/readyz').expect(200)).body.checks).toEqual({ database: true, redis: true });
  });

  it('counts a check that throws as not answering', async () => {
    const t = await appWith(
      new Readiness([
        {
          name: 'database',
          check: () => Promise.reject(new Error('connection refused')),
        },
      ]),
    );
    expect((await request(t.app).get('/readyz').expect(503)).body.checks).toEqual({ database: false });
  });

  it('says not ready once shutting down, stays alive, and closes keep-alive connections', async () => {
    const readiness = new Readiness([{ name: 'redis', check: async () => true }]);
    const t = await appWith(readiness);
    expect((await request(t.app).get('/healthz').set('Connection', 'keep-alive')).headers.connection).toBe('keep-alive');
    readiness.startDraining();
    const ready = await request(t.app).get('/readyz').expect(503);
    expect(ready.body).toEqual({ ready: false, shuttingDown: true, checks: { redis: true } });
    const live = await request(t.app).get('/healthz').set('Connection', 'keep-alive').expect(200);
    expect(live.headers.connection).toBe('close');
  });
});
