/** A secret's value as stored: AES-256-GCM, a fresh 12-byte IV each time; all base64. */
export interface EncryptedValue {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

export interface StoredSecret {
  /** `^[A-Z][A-Z0-9_]*$`, referenced in flows as `{{secret.NAME}}`. */
  name: string;
  value: EncryptedValue;
  /**
   * The hosts the value may be sent to (`api.shop.pl`, or `*.shop.pl` for its subdomains).
   * Secrets saved before hosts existed have none and cannot be used until an admin adds them.
   */
  hosts?: string[];
  createdAt: string;
  updatedAt: string;
}

/**
 * Secrets for flows' HTTP requests, kept apart from flow documents so that no export, version
 * or flow API can carry them. The store sees only ciphertext; encryption is the vault's job
 * (api/src/secrets/vault.ts), so another backend needs no crypto of its own.
 */
export interface SecretStore {
  list(): Promise<StoredSecret[]>;
  get(name: string): Promise<StoredSecret | null>;
  /** Creates or replaces; `created` tells which. */
  put(name: string, value: EncryptedValue, hosts: string[]): Promise<{ secret: StoredSecret; created: boolean }>;
  /** Changes only the allowed hosts; null when there is no such secret. */
  setHosts(name: string, hosts: string[]): Promise<StoredSecret | null>;
  delete(name: string): Promise<boolean>;
  /** Fingerprint of the key the values were encrypted with, or null before the first secret. */
  keyCheck(): Promise<string | null>;
  setKeyCheck(check: string): Promise<void>;
}
