import { create } from 'zustand';
import type { ErrorDetail, UserRef } from '../../api';

export interface ConflictInfo {
  revision: number;
  updatedAt: string;
  updatedBy: UserRef | null;
}

export type SaveStatus =
  | { kind: 'saved'; at: string | null }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  /** The server could not be reached; the next attempt runs after `retryInMs` or when back online. */
  | { kind: 'offline'; attempt: number; retryInMs: number }
  /** The server refused the document (400); nothing is retried until the next change. */
  | { kind: 'invalid'; message: string; details: ErrorDetail[] }
  /** Any other failure; `retrying` when it is worth trying again by itself. */
  | { kind: 'error'; message: string; retrying: boolean }
  | { kind: 'conflict'; conflict: ConflictInfo };

export interface DraftOffer {
  savedAt: number;
}

export interface SaveState {
  status: SaveStatus;
  draftOffer: DraftOffer | null;
}

/** What SaveStatus and the dialogs render; written only by the autosave controller. */
export const useSaveState = create<SaveState>()(() => ({
  status: { kind: 'saved', at: null },
  draftOffer: null,
}));

/** Work that exists only in this tab: leaving now would lose it. */
export function hasUnsavedWork(status: SaveStatus, changeCounter: number, savedCounter: number): boolean {
  return changeCounter !== savedCounter || (status.kind !== 'saved' && status.kind !== 'unsaved');
}
