import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { IndexingStatus, KnowledgeKind, KnowledgeSource, KnowledgeSourceChanges, KnowledgeStore, NewKnowledgeSource } from '../knowledgeStore';
import type { KnowledgeSourcesTable } from './coreTables';
import type { PostgresDatabase } from './database';
import { isoOf } from './values';

const LISTED = [
  'id',
  'title',
  'url',
  'kind',
  'file_name',
  'characters',
  'text_revision',
  'passages',
  'status',
  'created_at',
  'updated_at',
  'updated_by',
] as const;

function sourceOf(row: Omit<Selectable<KnowledgeSourcesTable>, 'text'>): KnowledgeSource {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    kind: row.kind as KnowledgeKind,
    fileName: row.file_name,
    characters: row.characters,
    textRevision: row.text_revision,
    passages: row.passages,
    status: row.status as IndexingStatus,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** Knowledge sources in PostgreSQL, text in the same row but read only by getText(). */
export class PostgresKnowledgeStore implements KnowledgeStore {
  constructor(
    private readonly db: PostgresDatabase,
    private readonly now: () => number,
  ) {}

  async list(): Promise<KnowledgeSource[]> {
    const rows = await this.db.selectFrom('knowledge_sources').select(LISTED).execute();
    // Sorted here, as the embedded store sorts, not by the database's collation.
    return rows.map(sourceOf).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title));
  }

  async get(id: string): Promise<KnowledgeSource | null> {
    const row = await this.db.selectFrom('knowledge_sources').select(LISTED).where('id', '=', id).executeTakeFirst();
    return row ? sourceOf(row) : null;
  }

  async getText(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('knowledge_sources').select('text').where('id', '=', id).executeTakeFirst();
    return row?.text ?? null;
  }

  async create(input: NewKnowledgeSource, by: string | null): Promise<KnowledgeSource> {
    const at = new Date(this.now()).toISOString();
    const row = await this.db
      .insertInto('knowledge_sources')
      .values({
        id: randomUUID(),
        title: input.title,
        url: input.url,
        kind: input.kind,
        file_name: input.fileName,
        text: input.text,
        characters: input.text.length,
        text_revision: 1,
        passages: 0,
        status: 'indexing',
        created_at: at,
        updated_at: at,
        updated_by: by,
      })
      .returning(LISTED)
      .executeTakeFirstOrThrow();
    return sourceOf(row);
  }

  async update(id: string, changes: KnowledgeSourceChanges, by: string | null): Promise<KnowledgeSource | null> {
    const content = changes.content;
    const row = await this.db
      .updateTable('knowledge_sources')
      .set((eb) => ({
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.url !== undefined ? { url: changes.url } : {}),
        ...(content
          ? {
              text: content.text,
              kind: content.kind,
              file_name: content.fileName,
              characters: content.text.length,
              // In the statement, so two saves at once both count.
              text_revision: eb('text_revision', '+', 1),
              status: 'indexing',
            }
          : {}),
        updated_at: new Date(this.now()).toISOString(),
        updated_by: by,
      }))
      .where('id', '=', id)
      .returning(LISTED)
      .executeTakeFirst();
    return row ? sourceOf(row) : null;
  }

  async setIndexed(id: string, textRevision: number, result: { passages: number; status: 'ready' | 'failed' }): Promise<void> {
    await this.db
      .updateTable('knowledge_sources')
      .set({ passages: result.passages, status: result.status })
      .where('id', '=', id)
      .where('text_revision', '=', textRevision)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('knowledge_sources').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
