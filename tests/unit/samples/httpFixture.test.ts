import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlowDocument, type FlowDocument } from '../../../runtime/src/schema';
import { validateFlow } from '../../../runtime/src/validator';
import { step } from '../../../runtime/src/engine';
import type { StepResult } from '../../../runtime/src/engine/types';
import { settleHttpSteps } from '../../../runtime/src/server/chat/httpSteps';
import { httpStepRunner } from '../../../api/src/httpSteps/httpStepRunner';
import { createSecretVault } from '../../../api/src/secrets';
import { openLowdbStores } from '../../../api/src/storage/lowdb/openStores';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { begin, ctxAt, texts } from '../engine/helpers';
import { capturedLogger, json, loopbackServer, makeClient } from '../outbound/support/harness';

/**
 * The samples seeded on `npm start` make no HTTP requests (a real one would be refused without
 * the allowlist), so the HTTP request kind is played end to end here: a fixture flow whose request
 * goes through the real step runner and outbound client to a stub shop API on loopback.
 */
const FIXTURE = new URL('./fixtures/order-status-http.flow.json', import.meta.url);

let server: Awaited<ReturnType<typeof loopbackServer>>;
let dataDir: string;
let flow: FlowDocument;

beforeAll(async () => {
  server = await loopbackServer({
    '/orders/A-17': (_req, res) => json(res, 200, { order: { id: 'A-17', status: 'shipped' } }),
    '/orders/B-2': (_req, res) => json(res, 404, { error: 'no such order' }),
  });
  const parsed = parseFlowDocument(JSON.parse(readFileSync(FIXTURE, 'utf8').replace('STUB_PORT', String(server.port))));
  if (!parsed.ok) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.issues)}`);
  flow = parsed.flow;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-http-fixture-'));
});

afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function converse(order: string): Promise<StepResult> {
  const stores = await openLowdbStores(dataDir, Date.now);
  const vault = createSecretVault(stores.secrets, async () => Buffer.alloc(32, 7));
  const run = httpStepRunner(vault, makeClient(['127.0.0.1']).client, capturedLogger().logger);
  const ctx = ctxAt();
  let latest = begin(flow, ctx);
  latest = step(flow, latest.session, { type: 'text', text: order }, ctx);
  return settleHttpSteps(latest, (input) => (latest = step(flow, latest.session, input, ctx)), run, { flowId: flow.id, flowVersion: 1, sessionId: 's1' });
}

describe('the HTTP request fixture flow', () => {
  it('validates with no problems', () => {
    expect(validateFlow(flow)).toEqual([]);
  });

  it('looks the order up on the stub and says its status', async () => {
    const result = await converse('A-17');
    expect(texts(result)).toEqual(['Order A-17 is shipped.']);
    expect(result.session.status).toBe('completed');
    expect(server.received.map((r) => `${r.method} ${r.url}`)).toContain('GET /orders/A-17');
  });

  it('takes the error output when the stub answers 404', async () => {
    const result = await converse('B-2');
    expect(texts(result)).toEqual(['I could not look up order B-2 (status).']);
  });
});
