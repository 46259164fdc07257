import type { Low } from 'lowdb';
import { z } from 'zod';
import type { EncryptedValue, SecretStore, StoredSecret } from '../secretStore';

/** `secrets.json`: its own file, so settings and flows never share a write with credentials. */
export interface SecretsFile {
  keyCheck: string | null;
  secrets: StoredSecret[];
}

const secretsShape = z.object({
  keyCheck: z.string().nullable(),
  secrets: z.array(
    z.object({ name: z.string(), value: z.object({ v: z.literal(1), iv: z.string(), tag: z.string(), data: z.string() }) }).loose(),
  ),
});

export function checkSecretsFile(raw: unknown): SecretsFile {
  const result = secretsShape.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(`not a Switchboard secrets file: ${first?.path.join('.') || '(root)'} ${first?.message ?? ''}`.trim());
  }
  return raw as SecretsFile;
}

export const emptySecretsFile = (): SecretsFile => ({ keyCheck: null, secrets: [] });

export class LowdbSecretStore implements SecretStore {
  constructor(
    private readonly db: Low<SecretsFile>,
    private readonly now: () => number,
  ) {}

  async list(): Promise<StoredSecret[]> {
    return structuredClone(this.db.data.secrets).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(name: string): Promise<StoredSecret | null> {
    const found = this.db.data.secrets.find((s) => s.name === name);
    return found ? structuredClone(found) : null;
  }

  async put(name: string, value: EncryptedValue, hosts: string[]): Promise<{ secret: StoredSecret; created: boolean }> {
    const at = new Date(this.now()).toISOString();
    const existing = this.db.data.secrets.find((s) => s.name === name);
    if (existing) {
      existing.value = { ...value };
      existing.hosts = [...hosts];
      existing.updatedAt = at;
    } else {
      this.db.data.secrets.push({ name, value: { ...value }, hosts: [...hosts], createdAt: at, updatedAt: at });
    }
    await this.db.write();
    return { secret: structuredClone(this.db.data.secrets.find((s) => s.name === name)!), created: !existing };
  }

  async setHosts(name: string, hosts: string[]): Promise<StoredSecret | null> {
    const existing = this.db.data.secrets.find((s) => s.name === name);
    if (!existing) return null;
    existing.hosts = [...hosts];
    existing.updatedAt = new Date(this.now()).toISOString();
    await this.db.write();
    return structuredClone(existing);
  }

  async delete(name: string): Promise<boolean> {
    const before = this.db.data.secrets.length;
    this.db.data.secrets = this.db.data.secrets.filter((s) => s.name !== name);
    if (this.db.data.secrets.length === before) return false;
    await this.db.write();
    return true;
  }

  async keyCheck(): Promise<string | null> {
    return this.db.data.keyCheck;
  }

  async setKeyCheck(check: string): Promise<void> {
    this.db.data.keyCheck = check;
    await this.db.write();
  }
}
