import { sql, type Kysely, type Migration } from 'kysely';

/** The tables of every store in `Stores` and the intent models (see coreTables.ts). */
const coreTables: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('flows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document', 'json', (c) => c.notNull())
      .addColumn('tests', 'json', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('live', 'integer')
      .execute();
    await db.schema
      .createTable('flow_versions')
      .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('document', 'json', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('published_at', 'timestamptz', (c) => c.notNull())
      .addColumn('published_by', 'text')
      .addColumn('override_note', 'text')
      .addPrimaryKeyConstraint('flow_versions_pkey', ['flow_id', 'number'])
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity())
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Unique here, so two instances creating the same account at once cannot both succeed.
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('deactivated_at', 'timestamptz')
      .addColumn('last_sign_in_at', 'timestamptz')
      .addColumn('locale', 'text')
      .execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity())
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('last_used_at', 'timestamptz')
      .addColumn('expires_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('api_tokens_secret_hash').on('api_tokens').column('secret_hash').execute();
    await db.schema
      .createTable('auth_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('auth_sessions_user_id').on('auth_sessions').column('user_id').execute();
    await db.schema.createIndex('auth_sessions_expires_at').on('auth_sessions').column('expires_at').execute();

    await db.schema
      .createTable('org_settings')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('settings', 'json', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('bootstrap_steps')
      .addColumn('step', 'text', (c) => c.primaryKey())
      .addColumn('done_at', 'timestamptz', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'json', (c) => c.notNull())
      .addColumn('hosts', 'json', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('secret_key_check')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('key_check', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit')
      .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text')
      .addColumn('detail', 'json', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_at').on('audit').column('at').execute();
    await db.schema.createIndex('audit_action').on('audit').columns(['action', 'id']).execute();

    await db.schema
      .createTable('flow_models')
      .addColumn('flow_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('models', 'json', (c) => c.notNull())
      .addPrimaryKeyConstraint('flow_models_pkey', ['flow_id', 'version'])
      .execute();
  },
};

/** Knowledge sources (api/src/storage/knowledgeStore.ts): the list and each source's text in one row. */
const knowledgeSources: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('knowledge_sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('characters', 'integer', (c) => c.notNull())
      .addColumn('text_revision', 'integer', (c) => c.notNull())
      .addColumn('passages', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
  },
};

/**
 * Schema of the core stores, in order. Names start with `0` so they sort before the
 * conversation store's (`1…`); a migration, once released, is never edited, only followed.
 */
export const coreMigrations: Record<string, Migration> = {
  '0001_core_tables': coreTables,
  '0002_knowledge_sources': knowledgeSources,
};
