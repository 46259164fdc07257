import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/src/config';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('has working defaults', () => {
    expect(loadConfig({}, '/srv/app')).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('/srv/app', 'data'),
      logLevel: 'info',
      publicUrl: null,
      cookieSecure: 'auto',
      trustProxy: false,
      logClientIp: false,
      admin: { email: null, password: null },
      defaultLocale: null,
      httpAllowlist: [],
      secretKey: null,
      databaseUrl: null,
      redisUrl: null,
      redisPrefix: 'switchboard:',
    });
  });

  it('reads DATABASE_URL and REDIS_URL and names a wrong one', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://sb:pw@db:5432/sb', REDIS_URL: 'redis://cache:6379', SWITCHBOARD_SECRET_KEY: KEY }, '/x');
    expect(config).toMatchObject({ databaseUrl: 'postgres://sb:pw@db:5432/sb', redisUrl: 'redis://cache:6379' });
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/sb', SWITCHBOARD_SECRET_KEY: KEY }, '/x')).toThrow(/DATABASE_URL: must be a PostgreSQL URL/);
    expect(() => loadConfig({ REDIS_URL: 'http://cache' }, '/x')).toThrow(/REDIS_URL: must be a Redis URL/);
    expect(loadConfig({ REDIS_PREFIX: 'shop-a:' }, '/x').redisPrefix).toBe('shop-a:');
    expect(() => loadConfig({ REDIS_PREFIX: 'has space' }, '/x')).toThrow(/REDIS_PREFIX: must be 1-64/);
  });

  it('refuses DATABASE_URL without SWITCHBOARD_SECRET_KEY: instances cannot share a key file', () => {
    const attempt = () => loadConfig({ DATABASE_URL: 'postgres://sb:pw@db:5432/sb' }, '/x');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/SWITCHBOARD_SECRET_KEY: must be set when DATABASE_URL is set/);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '3000',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/sb',
        LOG_LEVEL: 'debug',
        PUBLIC_URL: 'https://bots.example.com/',
        COOKIE_SECURE: 'true',
        TRUST_PROXY: '1',
        SWITCHBOARD_ADMIN_EMAIL: 'Boss@Example.com',
        SWITCHBOARD_ADMIN_PASSWORD: 'twelve chars!',
      },
      '/x',
    );
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/var/lib/sb',
      logLevel: 'debug',
      publicUrl: 'https://bots.example.com',
      cookieSecure: true,
      trustProxy: 1,
      admin: { email: 'boss@example.com', password: 'twelve chars!' },
    });
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ COOKIE_SECURE: 'false', PORT: '' }).cookieSecure).toBe(false);
    expect(loadConfig({}).logClientIp).toBe(false);
    expect(loadConfig({ LOG_CLIENT_IP: 'true' }).logClientIp).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PUBLIC_URL: 'ftp://x.example' }, 'PUBLIC_URL'],
    [{ COOKIE_SECURE: 'yes' }, 'COOKIE_SECURE'],
    [{ LOG_CLIENT_IP: 'yes' }, 'LOG_CLIENT_IP'],
    [{ SWITCHBOARD_ADMIN_EMAIL: 'a@b.co', SWITCHBOARD_ADMIN_PASSWORD: 'short' }, 'SWITCHBOARD_ADMIN_PASSWORD'],
    [{ SWITCHBOARD_ADMIN_EMAIL: 'not an email', SWITCHBOARD_ADMIN_PASSWORD: 'twelve chars!' }, 'SWITCHBOARD_ADMIN_EMAIL'],
    [{ SWITCHBOARD_ADMIN_EMAIL: 'a@b.co' }, 'SWITCHBOARD_ADMIN_PASSWORD'],
  ])('stops on %j with a message naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toContain(variable);
    expect((error as Error).message).toContain(`${variable}:`);
  });
});
