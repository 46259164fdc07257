/**
 * One Switchboard instance of the delivery bench (delivery.bench.ts spawns one per instance, so
 * the instances and the load clients never share an event loop), configured from the environment
 * as `npm start` is: DATA_DIR alone, or DATABASE_URL + REDIS_URL shared with the other instance.
 * SWITCHBOARD_ADMIN_EMAIL / _PASSWORD make the first admin.
 *
 * Departures from production, none on the delivery path: password hashing is cheap (sign-in cost
 * is not what the bench measures) and the chat rate limits are lifted, since one load client
 * speaks for 200 customers from one address. The log goes at info to a file, as an operator's would.
 *
 * It talks to the bench over stdio (support/stdioControl.ts).
 */
import path from 'node:path';
import pino from 'pino';
import { scryptHasher } from '../../../../api/src/auth/password';
import { loadConfig } from '../../../../api/src/config';
import { createLogger } from '../../../../api/src/logger';
import { startServer } from '../../../../api/src/server';
import { runControlled } from '../stdioControl';

runControlled(async () => {
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  const running = await startServer(config, {
    logger: createLogger('info', pino.destination({ dest: path.join(config.dataDir, 'server.log'), sync: true })),
    passwords: scryptHasher({ N: 1024, r: 8, p: 1 }),
    print: () => {},
    editorDist: null,
    chat: { limits: { sessionsPerIpPerMinute: 1e9, messagesPerSessionPerMinute: 1e9 } },
  });
  return { port: running.port, close: () => running.close() };
});
