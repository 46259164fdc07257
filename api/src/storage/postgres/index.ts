export { openPostgres, migrateToLatest, MigrationError, type PostgresDatabase } from './database';
export type { Database } from './tables';
