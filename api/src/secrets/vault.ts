import type { SecretEncoding } from '../../../runtime/src/http';
import { SECRET_PLACEHOLDER_RE } from '../../../runtime/src/http';
import type { SecretStore } from '../storage/secretStore';
import { createSecretCipher, type SecretCipher } from './cipher';
import { MissingSecretsError, SecretKeyMismatchError } from './errors';

/** What any API may tell about a secret: never its value. */
export interface SecretInfo {
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface SecretVault {
  /** Loads the key and checks it against the stored secrets; call at start to fail early. */
  open(): Promise<void>;
  list(): Promise<SecretInfo[]>;
  names(): Promise<string[]>;
  set(name: string, value: string): Promise<{ secret: SecretInfo; created: boolean }>;
  delete(name: string): Promise<boolean>;
  /**
   * Fills `{{secret.NAME}}` placeholders, encoded for where the text goes (default: as is).
   * Host side only, right before sending. Throws MissingSecretsError for unknown names.
   */
  resolveSecrets(text: string, encoding?: SecretEncoding | 'raw'): Promise<string>;
  /** Like resolveSecrets, also returning the values used, for log redaction. */
  resolveTracked(text: string, encoding?: SecretEncoding | 'raw'): Promise<{ text: string; values: string[] }>;
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

const info = ({ name, createdAt, updatedAt }: SecretInfo): SecretInfo => ({ name, createdAt, updatedAt });

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
    if (names.length === 0) return { text, values: [] };
    const c = await cipher();
    const values = new Map<string, string>();
    const missing: string[] = [];
    for (const name of names) {
      const stored = await store.get(name);
      if (stored) values.set(name, c.decrypt(name, stored.value));
      else missing.push(name);
    }
    if (missing.length > 0) throw new MissingSecretsError(missing);
    const encode = ENCODE[encoding];
    return { text: text.replace(SECRET_PLACEHOLDER_RE, (_m, name: string) => encode(values.get(name)!)), values: [...values.values()] };
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
    async set(name, value) {
      const { secret, created } = await store.put(name, (await cipher()).encrypt(name, value));
      return { secret: info(secret), created };
    },
    delete: (name) => store.delete(name),
    resolveTracked,
    async resolveSecrets(text, encoding) {
      return (await resolveTracked(text, encoding)).text;
    },
  };
}
