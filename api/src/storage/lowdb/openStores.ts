import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Stores } from '../stores';
import { DEFAULT_ORG_SETTINGS } from '../settingsStore';
import { DurableJsonFile } from './durableJsonFile';
import { checkAccountsFile, checkFlowsFile, checkSettingsFile, type AccountsFile, type FlowsFile, type SettingsFile } from './documents';
import { LowdbFlowStore } from './flowStore';
import { LowdbUserStore } from './userStore';
import { LowdbTokenStore } from './tokenStore';
import { LowdbAuthSessionStore } from './authSessionStore';
import { LowdbSettingsStore } from './settingsStore';
import { AUDIT_FILE, SqliteAuditLog } from '../sqlite/sqliteAuditLog';
import { checkSecretsFile, emptySecretsFile, LowdbSecretStore, type SecretsFile } from './secretStore';
import { checkKnowledgeFile, emptyKnowledgeFile, KNOWLEDGE_TEXT_DIR, LowdbKnowledgeStore, type KnowledgeFile } from './knowledgeStore';

export const DATA_FILES = { flows: 'flows.json', accounts: 'accounts.json', settings: 'settings.json', secrets: 'secrets.json', knowledge: 'knowledge.json' } as const;

async function openFile<T>(file: string, check: (raw: unknown) => T, empty: () => T): Promise<Low<T>> {
  const db = new Low<T>(new DurableJsonFile<T>(file, check), empty());
  await db.read();
  return db;
}

/**
 * One file per concern, so that a login (accounts.json) never rewrites every flow and a flow save
 * never rewrites the accounts. The caller must hold the DATA_DIR lock: lowdb keeps the data in
 * memory and a second process would overwrite the first one's writes.
 */
export async function openLowdbStores(dataDir: string, now: () => number): Promise<Stores> {
  await mkdir(dataDir, { recursive: true });
  const flows = await openFile<FlowsFile>(path.join(dataDir, DATA_FILES.flows), checkFlowsFile, () => ({
    flows: {},
    versions: {},
  }));
  const accounts = await openFile<AccountsFile>(path.join(dataDir, DATA_FILES.accounts), checkAccountsFile, () => ({
    users: [],
    tokens: [],
    sessions: [],
  }));
  const settings = await openFile<SettingsFile>(path.join(dataDir, DATA_FILES.settings), checkSettingsFile, () => ({
    settings: { ...DEFAULT_ORG_SETTINGS },
    done: {},
  }));
  const secrets = await openFile<SecretsFile>(path.join(dataDir, DATA_FILES.secrets), checkSecretsFile, emptySecretsFile);
  const knowledge = await openFile<KnowledgeFile>(path.join(dataDir, DATA_FILES.knowledge), checkKnowledgeFile, emptyKnowledgeFile);
  const knowledgeTexts = path.join(dataDir, KNOWLEDGE_TEXT_DIR);
  await mkdir(knowledgeTexts, { recursive: true });
  return {
    flows: new LowdbFlowStore(flows, now),
    users: new LowdbUserStore(accounts, now),
    tokens: new LowdbTokenStore(accounts, now),
    authSessions: new LowdbAuthSessionStore(accounts),
    settings: new LowdbSettingsStore(settings, now),
    secrets: new LowdbSecretStore(secrets, now),
    knowledge: new LowdbKnowledgeStore(knowledge, knowledgeTexts, now),
    // SQLite, not JSON: an append-only log would otherwise rewrite the whole file per entry.
    audit: SqliteAuditLog.open(path.join(dataDir, AUDIT_FILE)),
  };
}
