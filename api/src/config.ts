import path from 'node:path';
import { z } from 'zod';
import { localeSchema } from '../../runtime/src/schema';
import { allowlistEntryProblem, splitAllowlist } from './outbound/allowlist';
import { parseSecretKey } from './secrets/secretKey';

const booleanish = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Express's `trust proxy`: true/false, a hop count, or a list of addresses/subnets. */
const trustProxySchema = z
  .string()
  .trim()
  .transform((v): boolean | number | string => {
    if (v === 'true') return true;
    if (v === 'false' || v === '') return false;
    if (/^\d+$/.test(v)) return Number(v);
    return v;
  });

const envSchema = z.object({
  PORT: z.coerce.number().int('must be a whole number').min(0).max(65_535).default(8080),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://bots.example.com' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Personal data: the request log names the client only when the operator asks for it. */
  LOG_CLIENT_IP: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  TRUST_PROXY: trustProxySchema.default(false),
  SWITCHBOARD_ADMIN_EMAIL: z.email('must be an email address').optional(),
  SWITCHBOARD_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(200).optional(),
  /** The organisation's language, set on the first start that has it (new flows speak it). */
  SWITCHBOARD_DEFAULT_LOCALE: localeSchema.optional(),
  /** Hosts and networks flow HTTP requests may reach although they are internal. */
  SWITCHBOARD_HTTP_ALLOWLIST: z
    .string()
    .transform(splitAllowlist)
    .superRefine((entries, ctx) => {
      for (const entry of entries) {
        const problem = allowlistEntryProblem(entry);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
    })
    .default([]),
  /** Encrypts stored secrets; without it a key is generated into DATA_DIR/secret.key. */
  SWITCHBOARD_SECRET_KEY: z
    .string()
    .transform((text, ctx) => {
      const key = parseSecretKey(text);
      if (!key) ctx.addIssue({ code: 'custom', message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' });
      return key ?? Buffer.alloc(0);
    })
    .optional(),
  /** Puts every store in PostgreSQL instead of DATA_DIR (issue 16). */
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a PostgreSQL URL such as postgres://user:password@db.example.com:5432/switchboard')
    .optional(),
  /** Carries live events, rate-limit counters, presence and cache invalidation between instances. */
  REDIS_URL: z
    .string()
    .trim()
    .refine((v) => /^rediss?:\/\//.test(v), 'must be a Redis URL such as redis://redis.example.com:6379')
    .optional(),
  /** Starts every key and channel name, so several deployments can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'must be 1-64 letters, digits or : _ . -')
    .default('switchboard:'),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  /** Absolute. */
  dataDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  publicUrl: string | null;
  cookieSecure: 'auto' | boolean;
  /** `LOG_CLIENT_IP`: the request log keeps client address and user agent. */
  logClientIp: boolean;
  trustProxy: boolean | number | string;
  admin: { email: string | null; password: string | null };
  /** `SWITCHBOARD_DEFAULT_LOCALE`; null leaves the organisation's language to the admin. */
  defaultLocale: string | null;
  /** `SWITCHBOARD_HTTP_ALLOWLIST` entries: hostnames, `*.suffix`, addresses or CIDR ranges. */
  httpAllowlist: string[];
  /** `SWITCHBOARD_SECRET_KEY`, decoded; null to use (or create) DATA_DIR/secret.key. */
  secretKey: Buffer | null;
  /** `DATABASE_URL`; null keeps the embedded stores (lowdb + SQLite in DATA_DIR). */
  databaseUrl: string | null;
  /** `REDIS_URL`; null delivers live events and counts rate limits in this process only. */
  redisUrl: string | null;
  /** `REDIS_PREFIX`: the start of every Redis key and channel name. */
  redisPrefix: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}\n` +
        'See the Configuration section of README.md.',
    );
    this.name = 'ConfigError';
  }
}

/**
 * With DATABASE_URL every instance reads the same encrypted secrets, so the key cannot be a file
 * one instance generates into its own DATA_DIR.
 */
export const SHARED_SECRET_KEY_REQUIRED =
  'must be set when DATABASE_URL is set: every instance encrypts and reads the stored secrets with this one key. ' +
  'Generate it once (openssl rand -base64 32) and give the same value to every instance';

/** Reads configuration from the environment; a bad value throws a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // An empty variable (FOO= in a .env file) means "not set", as in most twelve-factor tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '(environment)'), message: i.message })),
    );
  }
  const e = parsed.data;
  if ((e.SWITCHBOARD_ADMIN_PASSWORD === undefined) !== (e.SWITCHBOARD_ADMIN_EMAIL === undefined)) {
    const missing = e.SWITCHBOARD_ADMIN_EMAIL === undefined ? 'SWITCHBOARD_ADMIN_EMAIL' : 'SWITCHBOARD_ADMIN_PASSWORD';
    throw new ConfigError([
      { variable: missing, message: 'set SWITCHBOARD_ADMIN_EMAIL and SWITCHBOARD_ADMIN_PASSWORD together, or neither' },
    ]);
  }
  if (e.DATABASE_URL !== undefined && e.SWITCHBOARD_SECRET_KEY === undefined) {
    throw new ConfigError([{ variable: 'SWITCHBOARD_SECRET_KEY', message: SHARED_SECRET_KEY_REQUIRED }]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL ?? null,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : booleanish.parse(e.COOKIE_SECURE),
    trustProxy: e.TRUST_PROXY,
    logClientIp: e.LOG_CLIENT_IP === 'true',
    admin: { email: e.SWITCHBOARD_ADMIN_EMAIL?.toLowerCase() ?? null, password: e.SWITCHBOARD_ADMIN_PASSWORD ?? null },
    defaultLocale: e.SWITCHBOARD_DEFAULT_LOCALE ?? null,
    httpAllowlist: e.SWITCHBOARD_HTTP_ALLOWLIST,
    secretKey: e.SWITCHBOARD_SECRET_KEY ?? null,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
  };
}
