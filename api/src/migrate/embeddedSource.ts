import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkAccountsFile, checkFlowsFile, checkSettingsFile, type AccountsFile, type FlowsFile, type SettingsFile } from '../storage/lowdb/documents';
import { DATA_FILES } from '../storage/lowdb/openStores';
import { checkSecretsFile, emptySecretsFile, type SecretsFile } from '../storage/lowdb/secretStore';
import { checkKnowledgeFile, emptyKnowledgeFile, KNOWLEDGE_TEXT_DIR, type KnowledgeFile } from '../storage/lowdb/knowledgeStore';
import { AUDIT_FILE } from '../storage/sqlite/sqliteAuditLog';
import { CONVERSATIONS_FILE } from '../chat/chatModule';
import { modelFileOf } from '../intentModels/modelStore';

/**
 * An embedded installation (DATA_DIR) opened for reading only: the JSON documents are parsed as
 * they are on disk (no temp-file clean-up, no defaults written) and the SQLite files are opened
 * read-only, so the source is never changed by a migration.
 */
export interface EmbeddedSource {
  flows: FlowsFile;
  accounts: AccountsFile;
  settings: SettingsFile | null;
  secrets: SecretsFile;
  knowledge: KnowledgeFile;
  /** The text of a knowledge source (DATA_DIR/knowledge/<id>.json). */
  knowledgeText(id: string): string;
  /** The raw JSON text of a version's intent models, or null when it has none. */
  modelsText(flowId: string, version: number): string | null;
  /** DATA_DIR/conversations.sqlite, read-only; null when the installation never chatted. */
  conversations: Database.Database | null;
  /** DATA_DIR/audit.sqlite, read-only; null when nothing was audited. */
  audit: Database.Database | null;
  close(): void;
}

export class SourceError extends Error {
  override name = 'SourceError';
}

function readDocument<T>(file: string, check: (raw: unknown) => T): T | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  try {
    return check(JSON.parse(text));
  } catch (err) {
    throw new SourceError(`${file} cannot be read (${(err as Error).message}); restore it (or its .bak) before migrating.`);
  }
}

interface ReadOnlyDatabase {
  db: Database.Database;
  close(): void;
}

/**
 * A SQLite file opened read-only. Reading a WAL database makes SQLite create its `-wal` and `-shm`
 * side files, which a read-only connection leaves behind; those it created (the WAL empty, since
 * nothing was written) are removed on close, so the directory is as it was. DATA_DIR is locked
 * meanwhile, so no server shares them.
 */
function openReadOnly(file: string): ReadOnlyDatabase | null {
  if (!existsSync(file)) return null;
  const created = [`${file}-wal`, `${file}-shm`].filter((side) => !existsSync(side));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    db,
    close() {
      if (db.open) db.close();
      const wal = `${file}-wal`;
      if (created.includes(wal) && existsSync(wal) && statSync(wal).size !== 0) return;
      for (const side of created) rmSync(side, { force: true });
    },
  };
}

/** Refuses a directory that holds no Switchboard installation (a mistyped --data-dir). */
export function checkInstallation(dataDir: string): void {
  if (!existsSync(path.join(dataDir, DATA_FILES.flows)) && !existsSync(path.join(dataDir, DATA_FILES.accounts))) {
    throw new SourceError(`${dataDir} holds no Switchboard installation (no ${DATA_FILES.flows} or ${DATA_FILES.accounts}).`);
  }
}

/** Opens DATA_DIR for reading; the caller holds the DATA_DIR lock, so nothing changes meanwhile. */
export function openEmbeddedSource(dataDir: string): EmbeddedSource {
  checkInstallation(dataDir);
  const at = (name: string) => path.join(dataDir, name);
  const flows = readDocument(at(DATA_FILES.flows), checkFlowsFile) ?? { flows: {}, versions: {} };
  const accounts = readDocument(at(DATA_FILES.accounts), checkAccountsFile) ?? { users: [], tokens: [], sessions: [] };
  const settings = readDocument(at(DATA_FILES.settings), checkSettingsFile);
  const secrets = readDocument(at(DATA_FILES.secrets), checkSecretsFile) ?? emptySecretsFile();
  const knowledge = readDocument(at(DATA_FILES.knowledge), checkKnowledgeFile) ?? emptyKnowledgeFile();
  const conversations = openReadOnly(at(CONVERSATIONS_FILE));
  let audit: ReadOnlyDatabase | null = null;
  try {
    audit = openReadOnly(at(AUDIT_FILE));
  } catch (err) {
    conversations?.close();
    throw err;
  }
  return {
    flows,
    accounts,
    settings,
    secrets,
    knowledge,
    knowledgeText(id) {
      const file = path.join(dataDir, KNOWLEDGE_TEXT_DIR, `${id}.json`);
      const doc = readDocument(file, (raw) => raw as { text?: unknown });
      if (typeof doc?.text !== 'string') throw new SourceError(`The text of knowledge source ${id} (${file}) is missing.`);
      return doc.text;
    },
    modelsText(flowId, version) {
      const file = modelFileOf(dataDir, flowId, version);
      return existsSync(file) ? readFileSync(file, 'utf8') : null;
    },
    conversations: conversations?.db ?? null,
    audit: audit?.db ?? null,
    close() {
      conversations?.close();
      audit?.close();
    },
  };
}
