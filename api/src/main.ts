import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { DataDirLockedError } from './storage/dataDirLock';
import { StartupCheckError } from './bootstrap/checkDataDir';
import { MigrationError } from './storage/postgres/database';
import { DataFileCorruptError } from './storage/lowdb/durableJsonFile';
import { EDITOR_DIST, startServer } from './server';
import { shutdownOnSignals } from './shutdown';

const EDITOR_CONFIG = path.resolve(import.meta.dirname, '../../editor/vite.config.ts');
const WIDGET_CONFIG = path.resolve(import.meta.dirname, '../../editor/vite.widget.config.ts');

/** Known start-up failures are the operator's to fix: say what and where, without a stack. */
function fail(err: unknown): never {
  if (
    err instanceof ConfigError ||
    err instanceof DataDirLockedError ||
    err instanceof DataFileCorruptError ||
    err instanceof StartupCheckError ||
    err instanceof MigrationError
  ) {
    process.stderr.write(`\n${err.message}\n\n`);
  } else {
    process.stderr.write(`\nSwitchboard could not start:\n${(err as Error)?.stack ?? String(err)}\n\n`);
  }
  process.exit(1);
}

async function buildEditorIfMissing(logger: ReturnType<typeof createLogger>): Promise<void> {
  const editorBuilt = existsSync(path.join(EDITOR_DIST, 'index.html'));
  if (editorBuilt && existsSync(path.join(EDITOR_DIST, 'widget.js'))) return;
  if (!existsSync(EDITOR_CONFIG)) {
    logger.warn({ config: EDITOR_CONFIG }, 'No editor build and no editor config; serving the API only');
    return;
  }
  const { build } = await import('vite');
  if (!editorBuilt) {
    logger.info('Building the editor (first start only)...');
    await build({ configFile: EDITOR_CONFIG, logLevel: 'warn' });
  }
  // After the editor: its build empties dist.
  if (existsSync(WIDGET_CONFIG)) await build({ configFile: WIDGET_CONFIG, logLevel: 'warn' });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const running = await startServer(config, { logger, beforeListen: () => buildEditorIfMissing(logger) });
  shutdownOnSignals(logger, () => running.close());
}

main().catch(fail);
