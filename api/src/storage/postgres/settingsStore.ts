import type { BootstrapStep, SettingsStore, StoredSettings } from '../settingsStore';
import { DEFAULT_ORG_SETTINGS } from '../settingsStore';
import type { PostgresDatabase } from './database';
import { jsonText } from './values';

/** The organisation's settings as one row (id 1), and the one-time setup steps already done. */
export class PostgresSettingsStore implements SettingsStore {
  constructor(
    private readonly db: PostgresDatabase,
    private readonly now: () => number,
  ) {}

  async get(): Promise<StoredSettings> {
    const row = await this.db.selectFrom('org_settings').select('settings').where('id', '=', 1).executeTakeFirst();
    // Fields added in later releases take their default until an admin saves them.
    return { ...DEFAULT_ORG_SETTINGS, ...(row?.settings as Partial<StoredSettings> | undefined) };
  }

  async set(settings: StoredSettings): Promise<StoredSettings> {
    await this.db
      .insertInto('org_settings')
      .values({ id: 1, settings: jsonText(settings) })
      .onConflict((oc) => oc.column('id').doUpdateSet({ settings: jsonText(settings) }))
      .execute();
    return { ...settings };
  }

  async isDone(step: BootstrapStep): Promise<boolean> {
    const row = await this.db.selectFrom('bootstrap_steps').select('step').where('step', '=', step).executeTakeFirst();
    return row !== undefined;
  }

  async markDone(step: BootstrapStep): Promise<void> {
    const at = new Date(this.now()).toISOString();
    await this.db
      .insertInto('bootstrap_steps')
      .values({ step, done_at: at })
      .onConflict((oc) => oc.column('step').doUpdateSet({ done_at: at }))
      .execute();
  }
}
