import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { scryptHasher, type PasswordHasher } from '../../../api/src/auth/password';
import { HASH_QUEUE_LIMIT, queuedHasher } from '../../../api/src/auth/hashQueue';
import { LOGIN_ATTEMPTS_PER_ACCOUNT, LOGIN_ATTEMPTS_PER_EMAIL } from '../../../api/src/auth/loginRateLimit';
import { makeTestApp, PASSWORD, type TestApp } from '../support/testApp';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A hasher that records how many hashes ran at once. */
function counting(inner: PasswordHasher) {
  const seen = { running: 0, max: 0, done: 0 };
  const wrap = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      seen.running++;
      seen.max = Math.max(seen.max, seen.running);
      try {
        return await fn(...a);
      } finally {
        seen.running--;
        seen.done++;
      }
    };
  return { seen, hasher: { hash: wrap(inner.hash), verify: wrap(inner.verify) } satisfies PasswordHasher };
}

describe('password hashing cannot starve file reads', () => {
  it('runs one hash at a time and refuses a burst beyond the queue with 503', async () => {
    // A real scrypt, heavy enough (16 MiB) that an unqueued burst fills libuv's thread pool.
    const { seen, hasher } = counting(scryptHasher({ N: 2 ** 14, r: 8, p: 1 }));
    t = await makeTestApp({ passwords: queuedHasher(hasher) });
    const app = t.app;
    const burst = Array.from({ length: 40 }, (_, i) =>
      request(app)
        .post('/api/auth/login')
        .set('X-Forwarded-For', `10.0.${i}.1`)
        .send({ email: `nobody${i}@example.com`, password: 'wrong password!' })
        .then((res) => ({ status: res.status, hashedBefore: seen.done })),
    );
    // Give the burst a moment to reach the hasher, then read a file as serving widget.js does.
    await new Promise((r) => setTimeout(r, 50));
    const hashedBeforeStart = seen.done;
    await readFile(fileURLToPath(import.meta.url));
    const hashedWhileReading = seen.done - hashedBeforeStart;
    const results = await Promise.all(burst);

    expect(seen.max).toBe(1);
    // Unqueued, the read waited behind every pending hash (dozens); queued it waits for at most the running one.
    expect(hashedWhileReading).toBeLessThanOrEqual(1);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(HASH_QUEUE_LIMIT + 1);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([401, 503]));
    // The queue drains: a correct password still signs in afterwards.
    expect((await request(app).post('/api/auth/login').send({ email: 'admin@example.com', password: PASSWORD })).status).toBe(200);
  }, 60_000);

  it('queues rather than refuses within the limit, and keeps order', async () => {
    const order: number[] = [];
    const slow: PasswordHasher = {
      hash: async (p) => p,
      verify: async (p) => {
        await new Promise((r) => setTimeout(r, 5));
        order.push(Number(p));
        return false;
      },
    };
    const queued = queuedHasher(slow, { limit: 3 });
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => queued.verify(String(i), 'x')));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    expect(order).toEqual([0, 1, 2, 3]);
  });
});

describe('failed sign-ins per account across IPs', () => {
  it('locks one email after too many failures from many addresses, not other accounts', async () => {
    t = await makeTestApp({ env: { TRUST_PROXY: 'true' } });
    expect(LOGIN_ATTEMPTS_PER_EMAIL).toBeGreaterThan(LOGIN_ATTEMPTS_PER_ACCOUNT);
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_EMAIL; i++) {
      // A new address each time: the per-IP limits never trigger.
      const res = await request(t.app).post('/api/auth/login').set('X-Forwarded-For', `203.0.113.${i + 1}`).send({ email: 'editor@example.com', password: 'wrong password!' });
      expect(res.status).toBe(401);
    }
    const limited = await request(t.app).post('/api/auth/login').set('X-Forwarded-For', '198.51.100.7').send({ email: 'editor@example.com', password: PASSWORD });
    expect(limited.status).toBe(429);
    const other = await request(t.app).post('/api/auth/login').set('X-Forwarded-For', '198.51.100.7').send({ email: 'agent@example.com', password: PASSWORD });
    expect(other.status).toBe(200);
  });
});
