import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { DurableJsonFile } from './durableJsonFile';
import type { KnowledgeSource, KnowledgeSourceChanges, KnowledgeStore, NewKnowledgeSource } from '../knowledgeStore';

/** `knowledge.json`: the list of sources; each text is `knowledge/<id>.json`, so a rename rewrites no document. */
export interface KnowledgeFile {
  sources: KnowledgeSource[];
}

const knowledgeShape = z.object({
  sources: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string(), textRevision: z.number() }).loose()),
});
const textShape = z.object({ text: z.string() });

export function checkKnowledgeFile(raw: unknown): KnowledgeFile {
  const result = knowledgeShape.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(`not a Switchboard knowledge file: ${first?.path.join('.') || '(root)'} ${first?.message ?? ''}`.trim());
  }
  return raw as KnowledgeFile;
}

export const emptyKnowledgeFile = (): KnowledgeFile => ({ sources: [] });
export const KNOWLEDGE_TEXT_DIR = 'knowledge';

function checkText(raw: unknown): { text: string } {
  const result = textShape.safeParse(raw);
  if (!result.success) throw new Error('not a Switchboard knowledge text file');
  return raw as { text: string };
}

export class LowdbKnowledgeStore implements KnowledgeStore {
  private readonly textFiles = new Map<string, DurableJsonFile<{ text: string }>>();

  constructor(
    private readonly db: Low<KnowledgeFile>,
    /** Where the texts live (DATA_DIR/knowledge). */
    private readonly textDir: string,
    private readonly now: () => number,
  ) {}

  private textFile(id: string): DurableJsonFile<{ text: string }> {
    let file = this.textFiles.get(id);
    if (!file) this.textFiles.set(id, (file = new DurableJsonFile(path.join(this.textDir, `${id}.json`), checkText)));
    return file;
  }

  private find(id: string): KnowledgeSource | undefined {
    return this.db.data.sources.find((s) => s.id === id);
  }

  async list(): Promise<KnowledgeSource[]> {
    return structuredClone(this.db.data.sources).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title));
  }

  async get(id: string): Promise<KnowledgeSource | null> {
    const found = this.find(id);
    return found ? structuredClone(found) : null;
  }

  async getText(id: string): Promise<string | null> {
    // Only ids of listed sources reach the file system, so a path parameter never names a file.
    if (!this.find(id)) return null;
    return (await this.textFile(id).read())?.text ?? null;
  }

  async create(input: NewKnowledgeSource, by: string | null): Promise<KnowledgeSource> {
    const at = new Date(this.now()).toISOString();
    const source: KnowledgeSource = {
      id: randomUUID(),
      title: input.title,
      url: input.url,
      kind: input.kind,
      fileName: input.fileName,
      characters: input.text.length,
      textRevision: 1,
      passages: 0,
      status: 'indexing',
      createdAt: at,
      updatedAt: at,
      updatedBy: by,
    };
    // The text first: a listed source always has its text on disk.
    await this.textFile(source.id).write({ text: input.text });
    this.db.data.sources.push(source);
    await this.db.write();
    return structuredClone(source);
  }

  async update(id: string, changes: KnowledgeSourceChanges, by: string | null): Promise<KnowledgeSource | null> {
    const source = this.find(id);
    if (!source) return null;
    if (changes.content) {
      await this.textFile(id).write({ text: changes.content.text });
      source.kind = changes.content.kind;
      source.fileName = changes.content.fileName;
      source.characters = changes.content.text.length;
      source.textRevision += 1;
      source.status = 'indexing';
    }
    if (changes.title !== undefined) source.title = changes.title;
    if (changes.url !== undefined) source.url = changes.url;
    source.updatedAt = new Date(this.now()).toISOString();
    source.updatedBy = by;
    await this.db.write();
    return structuredClone(source);
  }

  async setIndexed(id: string, textRevision: number, result: { passages: number; status: 'ready' | 'failed' }): Promise<void> {
    const source = this.find(id);
    if (!source || source.textRevision !== textRevision) return;
    source.passages = result.passages;
    source.status = result.status;
    await this.db.write();
  }

  async delete(id: string): Promise<boolean> {
    const before = this.db.data.sources.length;
    this.db.data.sources = this.db.data.sources.filter((s) => s.id !== id);
    if (this.db.data.sources.length === before) return false;
    await this.db.write();
    const file = this.textFile(id);
    this.textFiles.delete(id);
    await Promise.all([rm(file.file, { force: true }), rm(file.backup, { force: true })]);
    return true;
  }
}
