import { createSecretCipher } from '../secrets/cipher';
import type { EncryptedValue, StoredSecret } from '../storage/secretStore';
import type { SecretsFile } from '../storage/lowdb/secretStore';

export class SecretKeyProblem extends Error {
  override name = 'SecretKeyProblem';
}

export interface TargetSecrets {
  secrets: StoredSecret[];
  /** The target key's fingerprint, which the target's vault checks on start. */
  keyCheck: string;
  reencrypted: boolean;
}

/**
 * The source's secrets ready for the target key. With the same key the ciphertext is kept as it
 * is; with another one each value is decrypted with the source key and encrypted with the target
 * key, in memory only (values are never printed or logged).
 */
export function secretsForTarget(source: SecretsFile, sourceKey: Buffer | null, targetKey: Buffer): TargetSecrets {
  const target = createSecretCipher(targetKey);
  const sameKey = source.keyCheck === null || source.keyCheck === target.keyCheck;
  if (sameKey || source.secrets.length === 0) return { secrets: source.secrets, keyCheck: target.keyCheck, reencrypted: false };
  if (!sourceKey) {
    throw new SecretKeyProblem(
      'The secrets were encrypted with another key than SWITCHBOARD_SECRET_KEY and DATA_DIR/secret.key is missing: ' +
        'give the key they were saved with as --source-secret-key (or as SWITCHBOARD_SECRET_KEY to keep it).',
    );
  }
  const from = createSecretCipher(sourceKey);
  if (from.keyCheck !== source.keyCheck) {
    throw new SecretKeyProblem('The source key (DATA_DIR/secret.key or --source-secret-key) is not the one the secrets were saved with.');
  }
  const secrets = source.secrets.map((s): StoredSecret => {
    const value: EncryptedValue = target.encrypt(s.name, from.decrypt(s.name, s.value));
    return { ...s, value };
  });
  return { secrets, keyCheck: target.keyCheck, reencrypted: true };
}
