import type { Low } from 'lowdb';
import type { BootstrapStep, SettingsStore, StoredSettings } from '../settingsStore';
import { DEFAULT_ORG_SETTINGS } from '../settingsStore';
import type { SettingsFile } from './documents';

export class LowdbSettingsStore implements SettingsStore {
  constructor(
    private readonly db: Low<SettingsFile>,
    private readonly now: () => number,
  ) {}

  async get(): Promise<StoredSettings> {
    // Fields added in later releases take their default until an admin saves them.
    return { ...DEFAULT_ORG_SETTINGS, ...this.db.data.settings };
  }

  async set(settings: StoredSettings): Promise<StoredSettings> {
    this.db.data.settings = { ...settings };
    await this.db.write();
    return { ...settings };
  }

  async isDone(step: BootstrapStep): Promise<boolean> {
    return this.db.data.done[step] !== undefined;
  }

  async markDone(step: BootstrapStep): Promise<void> {
    this.db.data.done[step] = new Date(this.now()).toISOString();
    await this.db.write();
  }
}
