import type { SecretEncoding } from '../../../runtime/src/http';
import { SECRET_PLACEHOLDER_RE } from '../../../runtime/src/http';
import type { SecretStore } from '../storage/secretStore';
import { createSecretCipher, type SecretCipher } from './cipher';
import { MissingSecretsError, SecretKeyMismatchError } from './errors';

/** What any API may tell about a secret: never its value. */
export interface SecretInfo {
  name: string;
  /** Where the value may be sent; empty for a secret saved before hosts existed (unusable until set). */
  hosts: string[];
  createdAt: string;
  updatedAt: string;
}

/** One secret a request uses: its value (to redact and to check each hop) and its hosts. */
export interface UsedSecret {
  name: string;
  value: string;
  hosts: string[];
}

export interface SecretVault {
  /** Loads the key and checks it against the stored secrets; call at start to fail early. */
  open(): Promise<void>;
  list(): Promise<SecretInfo[]>;
  names(): Promise<string[]>;
  set(name: string, value: string, hosts: string[]): Promise<{ secret: SecretInfo; created: boolean }>;
  /** Changes only the allowed hosts; null when there is no such secret. */
  setHosts(name: string, hosts: string[]): Promise<SecretInfo | null>;
  delete(name: string): Promise<boolean>;
  /**
   * Fills `{{secret.NAME}}` placeholders, encoded for where the text goes (default: as is).
   * Host side only, right before sending. Throws MissingSecretsError for unknown names.
   */
  resolveSecrets(text: string, encoding?: SecretEncoding | 'raw'): Promise<string>;
  /** Like resolveSecrets, also returning the secrets used, for host checks and redaction. */
  resolveTracked(text: string, encoding?: SecretEncoding | 'raw'): Promise<{ text: string; values: string[]; used: UsedSecret[] }>;
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f]/g;

const ENCODE: Record<SecretEncoding | 'raw', (value: string) => string> = {
  raw: (v) => v,
  url: encodeURIComponent,
  json: (v) => JSON.stringify(v).slice(1, -1),
  // A pasted token often ends in a newline; no header value may hold one.
  header: (v) => v.replace(CONTROLS, ''),
};

const info = ({ name, hosts, createdAt, updatedAt }: Omit<SecretInfo, 'hosts'> & { hosts?: string[] }): SecretInfo => ({
  name,
  hosts: hosts ?? [],
  createdAt,
  updatedAt,
});

/**
 * Secrets encrypted at rest. The key is loaded on first need (or by `open()`), from
 * SWITCHBOARD_SECRET_KEY or DATA_DIR/secret.key; see secretKey.ts.
 */
export function createSecretVault(store: SecretStore, loadKey: () => Promise<Buffer>): SecretVault {
  let ready: Promise<SecretCipher> | null = null;

  const cipher = () =>
    (ready ??= (async () => {
      const c = createSecretCipher(await loadKey());
      const stored = await store.keyCheck();
      if (stored === null) await store.setKeyCheck(c.keyCheck);
      else if (stored !== c.keyCheck) throw new SecretKeyMismatchError('the key fingerprint in secrets.json differs');
      return c;
    })().catch((err: unknown) => {
      ready = null;
      throw err;
    }));

  async function resolveTracked(text: string, encoding: SecretEncoding | 'raw' = 'raw') {
    const names = [...new Set(Array.from(text.matchAll(SECRET_PLACEHOLDER_RE), (m) => m[1]!))];
    if (names.length === 0) return { text, values: [], used: [] };
    const c = await cipher();
    const values = new Map<string, string>();
    const used: UsedSecret[] = [];
    const missing: string[] = [];
    for (const name of names) {
      const stored = await store.get(name);
      if (!stored) {
        missing.push(name);
        continue;
      }
      const value = c.decrypt(name, stored.value);
      values.set(name, value);
      used.push({ name, value, hosts: stored.hosts ?? [] });
    }
    if (missing.length > 0) throw new MissingSecretsError(missing);
    const encode = ENCODE[encoding];
    return { text: text.replace(SECRET_PLACEHOLDER_RE, (_m, name: string) => encode(values.get(name)!)), values: [...values.values()], used };
  }

  return {
    async open() {
      await cipher();
    },
    async list() {
      return (await store.list()).map(info);
    },
    async names() {
      return (await store.list()).map((s) => s.name);
    },
    async set(name, value, hosts) {
      const { secret, created } = await store.put(name, (await cipher()).encrypt(name, value), hosts);
      return { secret: info(secret), created };
    },
    async setHosts(name, hosts) {
      const secret = await store.setHosts(name, hosts);
      return secret ? info(secret) : null;
    },
    delete: (name) => store.delete(name),
    resolveTracked,
    async resolveSecrets(text, encoding) {
      return (await resolveTracked(text, encoding)).text;
    },
  };
}
