import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createChatModule, type ChatModule } from '../../../api/src/chat/chatModule';
import { createLogger } from '../../../api/src/logger';
import { openRedis } from '../../../api/src/redis/redisConnection';
import { redisRateLimitStore } from '../../../api/src/redis/redisRateLimitStore';
import { runRedisTests, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';
import { makeTestApp, type TestApp } from '../support/testApp';

const logger = createLogger('silent');

describe.runIf(runRedisTests)('while Redis is unreachable', () => {
  let t: TestApp | undefined;
  let chat: ChatModule | undefined;
  afterAll(async () => {
    await chat?.close();
    await t?.close();
  });

  it('refuses to start without it', async () => {
    await expect(openRedis('redis://127.0.0.1:1', { prefix: 'x:', logger, connectTimeoutMs: 500 })).rejects.toThrow(/Cannot reach Redis at REDIS_URL/);
  });

  it('lets customers start and continue chats uncounted, and answers sign-in with an error instead of going unlimited', async () => {
    const redis = await openRedis(TEST_REDIS_URL, { prefix: uniqueRedisPrefix(), logger });
    t = await makeTestApp({
      rateLimitStore: redisRateLimitStore(redis),
      chat: (deps) => (chat = createChatModule(deps, { retention: { enabled: false } })).routes,
    });
    await t.deps.stores.flows.create(chatFlowDocument(), null);
    await t.deps.stores.flows.publish('flow-chat', { note: 'test', by: null });
    // Counted while Redis answers.
    const counted = await request(t.app).post('/api/chat/flow-chat/sessions').expect(201);
    expect(counted.headers.ratelimit).toBeDefined();
    await redis.close();

    const started = await request(t.app).post('/api/chat/flow-chat/sessions').expect(201);
    const send = await request(t.app)
      .post(`/api/chat/sessions/${started.body.sessionId}/messages`)
      .set('Authorization', `Bearer ${started.body.sessionToken}`)
      .send({ optionId: 'order' });
    expect(send.status).toBe(200);
    const login = await request(t.app).post('/api/auth/login').send({ email: 'admin@example.com', password: 'not the password' });
    expect(login.status).toBe(500);
    expect(await chat!.routes.http.messageLimit.allow(started.body.sessionId)).toBe(true);
  });
});
