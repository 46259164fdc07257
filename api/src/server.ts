import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Express } from 'express';
import type { Config } from './config';
import type { AppDeps } from './deps';
import { createApp } from './app';
import { createLogger } from './logger';
import { scryptHasher, type PasswordHasher } from './auth/password';
import { queuedHasher } from './auth/hashQueue';
import { openStores } from './storage/openStores';
import { ensureAdmin, type AdminSetup } from './bootstrap/ensureAdmin';
import { seedSamples } from './bootstrap/seedSamples';
import { applyDefaultLocale } from './bootstrap/applyDefaultLocale';
import { createChatModule, CONVERSATIONS_FILE, type ChatModuleOptions } from './chat/chatModule';
import { ensureLiveVersionModels } from './intentModels/versionModels';
import { modelStoreOf } from './appServices';
import { createSecretVault, loadSecretKey } from './secrets';
import { logInstanceMode } from './bootstrap/instanceMode';
import { openRedis } from './redis/redisConnection';
import { knowledgeOf } from './knowledge/knowledgeOf';
import type { RedisAgentPresenceOptions } from './redis/redisAgentPresence';
import { instanceLinks } from './scaleOut/instanceLinks';
import { Readiness } from './health/readiness';
import { closeGracefully } from './http/gracefulClose';

export const EDITOR_DIST = path.resolve(import.meta.dirname, '../../editor/dist');

export interface StartOptions {
  logger?: Logger;
  clock?: () => number;
  passwords?: PasswordHasher;
  /** Where start-up notices for the operator go (the generated admin password): stdout, never the log. */
  print?: (text: string) => void;
  /** The built editor to serve; defaults to editor/dist when it has an index.html. */
  editorDist?: string | null;
  chat?: ChatModuleOptions;
  /**
   * Runs once DATA_DIR is locked and storage opened, before serving: a slow step such as building
   * the editor then never starts when another server already owns the data or a file is corrupt.
   */
  beforeListen?: () => Promise<void>;
  /** Agent presence timing over Redis (tests shorten it). */
  presence?: RedisAgentPresenceOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  app: Express;
  server: http.Server;
  deps: AppDeps;
  admin: AdminSetup;
  /** Names this instance's Redis connections (`CLIENT LIST`); null without REDIS_URL. */
  instanceId: string | null;
  close(): Promise<void>;
}

function displayUrl(config: Config, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function loginHint(admin: AdminSetup): string {
  if (!admin.created) return 'Sign in with your Switchboard account.';
  if (admin.generatedPassword) {
    return (
      `An admin account was created:\n  email:    ${admin.email}\n  password: ${admin.generatedPassword}\n` +
      'This password is shown only once. Change it under Your profile (the user menu) after signing in.'
    );
  }
  return `An admin account was created for ${admin.email} with the password from SWITCHBOARD_ADMIN_PASSWORD.`;
}

/**
 * Everything `npm start` does except building the editor: open storage (DATA_DIR locked, or
 * PostgreSQL migrated), seed, create the first admin, serve HTTP and WebSockets. `close()` undoes
 * it in reverse.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? Date.now;
  // Queued, so a burst of sign-ins cannot take every thread file reads need (see hashQueue.ts).
  const passwords = queuedHasher(options.passwords ?? scryptHasher());
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  // DATA_DIR checked and locked, or PostgreSQL migrated (see storage/openStores.ts).
  const opened = await openStores(config, { clock, logger, conversationsFile: options.chat?.store ? null : CONVERSATIONS_FILE });
  const cleanups: (() => Promise<void> | void)[] = [() => opened.close()];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step();
  };
  try {
    const { stores } = opened;
    const secrets = createSecretVault(stores.secrets, () => loadSecretKey(config.secretKey, config.dataDir));
    // One instance at a time on a shared database, so the first admin and the samples are made once.
    const admin = await opened.startupExclusive(async () => {
      // A wrong SWITCHBOARD_SECRET_KEY stops the start here, not at a customer's HTTP step.
      await secrets.open();
      const created = await ensureAdmin(stores.users, config, passwords);
      await applyDefaultLocale(stores.settings, config);
      await seedSamples(stores, logger);
      return created;
    });
    await options.beforeListen?.();
    logInstanceMode(config, logger);
    const redis = config.redisUrl ? await openRedis(config.redisUrl, { prefix: config.redisPrefix, logger }) : null;
    if (redis) cleanups.push(() => redis.close());
    const links = instanceLinks(redis, logger, options.presence);
    await links.ready;

    const base: Omit<AppDeps, 'chat' | 'widget'> = {
      config,
      logger,
      stores,
      clock,
      passwords,
      secrets,
      ...(opened.models ? { models: opened.models } : {}),
      ...(links.rateLimitStore ? { rateLimitStore: links.rateLimitStore } : {}),
    };
    await ensureLiveVersionModels(stores.flows, modelStoreOf(base), logger);
    const chat = createChatModule(base, {
      ...links.chat,
      ...(opened.postgres ? { postgres: opened.postgres } : {}),
      ...options.chat,
    });
    links.flowChanges.subscribe(({ flowId, change }) => chat.service.forgetFlow(flowId, change === 'deleted'));
    const readiness = new Readiness([...(opened.ping ? [{ name: 'database', check: opened.ping }] : []), ...links.checks]);
    cleanups.push(() => chat.close());
    // A database that cannot be reached or migrated stops the start here, not at the first chat.
    await chat.whenReady();
    const editorDist =
      options.editorDist !== undefined ? options.editorDist : existsSync(path.join(EDITOR_DIST, 'index.html')) ? EDITOR_DIST : null;
    if (!editorDist) logger.warn('The editor is not built; serving the API only');
    // widget.js is served even without the editor (API-only servers still host the chat).
    const deps: AppDeps = {
      ...base,
      chat: chat.routes,
      widget: { flows: stores.flows, publicUrl: config.publicUrl, widgetFile: path.join(editorDist ?? EDITOR_DIST, 'widget.js') },
      editorDist,
      runningConversations: (flowId, activeSince) => chat.store.countRunningByVersion(flowId, activeSince),
      flowDeleted: (flowId) => chat.service.flowDeleted(flowId),
      flowChanged: (flowId, change) => links.flowChanges.announce({ flowId, change }),
      readiness,
    };
    const app = createApp(deps);
    const server = http.createServer(app);
    const sockets = chat.attach(server);
    // Events other instances published while Redis was away never arrived: clients reconnect and catch up by message id.
    redis?.onReconnect(() => {
      logger.warn('Redis is back: asking widgets and inboxes here to reconnect and fetch what they missed');
      sockets.reconnectAll();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    cleanups.push(() => closeGracefully({ server, sockets, readiness, turnsIdle: () => chat.service.idle(), logger }));
    // Built in the background once serving: the first question that needs knowledge waits for it, nothing else does.
    void knowledgeOf(deps).index.ready();
    const port = (server.address() as AddressInfo).port;
    const url = displayUrl(config, port);
    const instanceId = redis?.instanceId ?? null;
    logger.info({ url, dataDir: config.dataDir, ...(instanceId ? { instanceId } : {}) }, 'Switchboard started');
    print(`Switchboard is running at ${url}\n${loginHint(admin)}`);
    let closed: Promise<void> | null = null;
    return { url, port, app, server, deps, admin, instanceId, close: () => (closed ??= cleanup()) };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
