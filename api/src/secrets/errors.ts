/** The configured key is not the one the stored secrets were encrypted with. */
export class SecretKeyMismatchError extends Error {
  constructor(detail: string) {
    super(
      `Stored secrets cannot be read with this key (${detail}). Set SWITCHBOARD_SECRET_KEY to the key they were ` +
        'saved with, or restore DATA_DIR/secret.key from a backup. If the key is lost, delete and re-enter each secret.',
    );
    this.name = 'SecretKeyMismatchError';
  }
}

/** A request refers to secrets that do not exist (deleted, or never created). */
export class MissingSecretsError extends Error {
  constructor(readonly names: string[]) {
    super(`Unknown secret${names.length === 1 ? '' : 's'}: ${names.join(', ')}`);
    this.name = 'MissingSecretsError';
  }
}
