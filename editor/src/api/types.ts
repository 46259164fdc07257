import type { FlowDocument, Problem } from '@switchboard/runtime';

export type Role = 'admin' | 'editor' | 'agent';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The person's own editor language; null until they choose one. */
  locale?: 'en' | 'pl' | null;
}

export interface AuthSession {
  user: User;
  csrfToken: string;
}

export interface UserRef {
  id: string;
  name: string;
}

/** One finding of the static validator, as the API reports it (same type the editor computes live). */
export type { Problem } from '@switchboard/runtime';

/** A row of `GET /api/flows`. */
export interface FlowSummary {
  id: string;
  name: string;
  description: string;
  locale: string;
  revision: number;
  updatedAt: string;
  updatedBy: UserRef | null;
  publishedVersion: number | null;
  hasUnpublishedChanges: boolean;
}

/** `GET /api/flows/:id`, with the document separated from the server's bookkeeping. */
export interface FlowDetail {
  flow: FlowDocument;
  revision: number;
  updatedAt: string;
  updatedBy: UserRef | null;
  publishedVersion: number | null;
  hasUnpublishedChanges: boolean;
  problems: Problem[];
}

export type SaveFlowResult =
  | { ok: true; revision: number; updatedAt: string; problems: Problem[] }
  | { ok: false; conflict: { revision: number; updatedAt: string; updatedBy: UserRef | null } };

export type CreateFlowInput =
  | { name: string; description?: string; locale?: string }
  | { sampleId: string; name?: string }
  | { document: unknown; tests?: unknown };

export interface SampleSummary {
  id: string;
  name: string;
  description: string;
  locale: string;
}
