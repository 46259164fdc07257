import type { FlowDocument } from '../../../runtime/src/schema';

/** A draft as stored: the editable document plus its optimistic-concurrency revision. */
export interface StoredFlow {
  flow: FlowDocument;
  revision: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** An immutable published snapshot. */
export interface FlowVersion {
  flowId: string;
  number: number;
  flow: FlowDocument;
  note: string;
  publishedAt: string;
  publishedBy: string | null;
  /** Set when publishing went ahead despite failing flow tests (issue 5). */
  overrideNote?: string;
}

export interface FlowSummary {
  id: string;
  name: string;
  description: string;
  locale: string;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
  publishedVersion: number | null;
  hasUnpublishedChanges: boolean;
}

export type SaveResult =
  | { ok: true; stored: StoredFlow }
  | { ok: false; reason: 'conflict'; current: StoredFlow }
  | { ok: false; reason: 'notFound' };

/**
 * Flows, their versions and which version is live. The embedded implementation is lowdb; a
 * PostgreSQL one must be able to replace it without touching callers, hence async everywhere.
 */
export interface FlowStore {
  list(): Promise<FlowSummary[]>;
  get(id: string): Promise<StoredFlow | null>;
  create(flow: FlowDocument, by: string | null): Promise<StoredFlow>;
  /** Saves only when `expectedRevision` is the current one. */
  save(flow: FlowDocument, expectedRevision: number, by: string | null): Promise<SaveResult>;
  delete(id: string): Promise<boolean>;
  publish(id: string, input: { note: string; by: string | null; flow?: FlowDocument; overrideNote?: string }): Promise<FlowVersion>;
  listVersions(id: string): Promise<FlowVersion[]>;
  getVersion(id: string, n: number): Promise<FlowVersion | null>;
  /** The version new conversations start on, or null when unpublished. */
  getLive(id: string): Promise<FlowVersion | null>;
  setLive(id: string, n: number | null): Promise<void>;
}
