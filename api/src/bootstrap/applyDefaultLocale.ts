import type { Config } from '../config';
import type { SettingsStore } from '../storage/settingsStore';

/**
 * SWITCHBOARD_DEFAULT_LOCALE becomes the organisation's language once, on the first start that
 * has it. After that the admin's choice in Organisation settings wins, so a restart with the
 * variable still set never undoes it.
 */
export async function applyDefaultLocale(settings: SettingsStore, config: Pick<Config, 'defaultLocale'>): Promise<boolean> {
  if (config.defaultLocale === null || (await settings.isDone('defaultLocaleApplied'))) return false;
  await settings.set({ ...(await settings.get()), defaultLocale: config.defaultLocale });
  await settings.markDone('defaultLocaleApplied');
  return true;
}
