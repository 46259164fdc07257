import type { KnowledgeKind } from '../knowledge/kinds';

export type { KnowledgeKind };

/** `indexing` from a save until its passages are searchable; `failed` when indexing threw (logged). */
export type IndexingStatus = 'indexing' | 'ready' | 'failed';

/** A knowledge source as listed: everything but its text. */
export interface KnowledgeSource {
  id: string;
  title: string;
  /** Shown to customers as the citation; null when the source has no public page. */
  url: string | null;
  kind: KnowledgeKind;
  /** The uploaded file's name; null for pasted text. */
  fileName: string | null;
  /** Characters of extracted text. */
  characters: number;
  /** Grows by one with every change of text, so a late indexing result for older text is ignored. */
  textRevision: number;
  passages: number;
  status: IndexingStatus;
  createdAt: string;
  updatedAt: string;
  /** The id of the user or token that saved it last. */
  updatedBy: string | null;
}

export interface NewKnowledgeSource {
  title: string;
  url: string | null;
  kind: KnowledgeKind;
  fileName: string | null;
  text: string;
}

export interface KnowledgeSourceChanges {
  title?: string;
  url?: string | null;
  /** New text replaces the old one (and re-indexes); `kind` and `fileName` describe where it came from. */
  content?: { text: string; kind: KnowledgeKind; fileName: string | null };
}

/**
 * The organisation's knowledge sources, shared by every flow. The text is kept apart from the
 * list, so listing sources never reads every document. The search index is not stored: it is
 * rebuilt from the texts (api/src/knowledge).
 */
export interface KnowledgeStore {
  /** Newest change first. */
  list(): Promise<KnowledgeSource[]>;
  get(id: string): Promise<KnowledgeSource | null>;
  getText(id: string): Promise<string | null>;
  create(source: NewKnowledgeSource, by: string | null): Promise<KnowledgeSource>;
  /** Null when there is no such source. A text change sets status `indexing`. */
  update(id: string, changes: KnowledgeSourceChanges, by: string | null): Promise<KnowledgeSource | null>;
  /** Records an indexing result, unless the text changed since (`textRevision` differs). */
  setIndexed(id: string, textRevision: number, result: { passages: number; status: 'ready' | 'failed' }): Promise<void>;
  delete(id: string): Promise<boolean>;
}
