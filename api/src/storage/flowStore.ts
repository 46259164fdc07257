import type { FlowDocument } from '../../../runtime/src/schema';
import type { FlowTestCase } from '../../../runtime/src/flowtests/schema';

/** A draft as stored: the editable document plus its optimistic-concurrency revision. */
export interface StoredFlow {
  flow: FlowDocument;
  /**
   * The flow's test cases. Kept beside the document, not in it: saving the draft leaves them
   * alone and changing them does not move the draft's revision.
   */
  tests: FlowTestCase[];
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

/** Thrown by `create` when the id is in use; every back end throws this one. */
export class FlowIdTakenError extends Error {
  constructor(id: string) {
    super(`A flow with id ${id} already exists`);
  }
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
  create(flow: FlowDocument, by: string | null, tests?: FlowTestCase[]): Promise<StoredFlow>;
  /** Saves only when `expectedRevision` is the current one. */
  save(flow: FlowDocument, expectedRevision: number, by: string | null): Promise<SaveResult>;
  delete(id: string): Promise<boolean>;
  /** Replaces the whole test suite; null when there is no such flow. */
  setTests(id: string, tests: FlowTestCase[]): Promise<FlowTestCase[] | null>;
  publish(id: string, input: { note: string; by: string | null; flow?: FlowDocument; overrideNote?: string }): Promise<FlowVersion>;
  listVersions(id: string): Promise<FlowVersion[]>;
  getVersion(id: string, n: number): Promise<FlowVersion | null>;
  /** The version new conversations start on, or null when unpublished. */
  getLive(id: string): Promise<FlowVersion | null>;
  setLive(id: string, n: number | null): Promise<void>;
}
