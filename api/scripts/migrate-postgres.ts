/**
 * `npm run migrate:postgres -- --data-dir ./data [--database-url URL] [--source-secret-key KEY] [--force]`
 *
 * Copies an embedded installation (DATA_DIR) into a PostgreSQL database, then prints how many
 * records of each kind the source and the target hold. Run it with the server stopped.
 * SWITCHBOARD_SECRET_KEY is the key the PostgreSQL installation will run with.
 * Exit codes: 0 copied and every count matches; 1 counts differ or the copy failed; 2 refused
 * (bad arguments, server running on DATA_DIR, target not empty without --force, a target account
 * with a copied account's email under another id, key problem).
 */
import { parseArgs } from 'node:util';
import { parseSecretKey } from '../src/secrets/secretKey';
import { DataDirLockedError } from '../src/storage/dataDirLock';
import { migrateToPostgres, SecretKeyProblem, SourceError, TargetConflictError, TargetNotEmptyError } from '../src/migrate/migrateToPostgres';
import { formatCounts } from '../src/migrate/counts';

const USAGE =
  'usage: npm run migrate:postgres -- --data-dir DIR [--database-url URL (default DATABASE_URL)] [--source-secret-key KEY] [--force]';

function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'source-secret-key': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  }));
} catch (err) {
  refuse(`${(err as Error).message}\n${USAGE}`);
}
const dataDir = values['data-dir'];
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
if (!dataDir) refuse(`--data-dir is required.\n${USAGE}`);
if (!databaseUrl) refuse(`Give the target as --database-url or DATABASE_URL.\n${USAGE}`);
const targetText = process.env.SWITCHBOARD_SECRET_KEY;
if (!targetText) {
  refuse(
    'SWITCHBOARD_SECRET_KEY is required: it is the key the PostgreSQL installation will run with. To keep the ' +
      'current key, set it to the contents of DATA_DIR/secret.key; a new key (openssl rand -base64 32) re-encrypts the secrets.',
  );
}
const targetKey = parseSecretKey(targetText);
if (!targetKey) refuse('SWITCHBOARD_SECRET_KEY must be 32 random bytes in base64 (openssl rand -base64 32).');
const sourceText = values['source-secret-key'];
const sourceKey = sourceText === undefined ? null : parseSecretKey(sourceText);
if (sourceText !== undefined && !sourceKey) refuse('--source-secret-key must be 32 bytes in base64.');

try {
  const result = await migrateToPostgres({ dataDir, databaseUrl, targetKey, sourceKey, force: values.force });
  process.stdout.write(`${formatCounts(result.counts)}\n`);
  if (result.reencrypted) process.stdout.write('Secrets were re-encrypted with SWITCHBOARD_SECRET_KEY.\n');
  if (!result.same) {
    process.stderr.write('The target does not hold what the source holds (see DIFFERS above).\n');
    process.exit(1);
  }
  process.stdout.write(`Copied ${dataDir} into PostgreSQL. Start the server with DATABASE_URL and this SWITCHBOARD_SECRET_KEY.\n`);
} catch (err) {
  if (
    err instanceof TargetNotEmptyError ||
    err instanceof TargetConflictError ||
    err instanceof DataDirLockedError ||
    err instanceof SourceError ||
    err instanceof SecretKeyProblem
  ) {
    refuse(err.message);
  }
  process.stderr.write(`The migration failed and nothing was written: ${(err as Error).message}\n`);
  process.exit(1);
}
