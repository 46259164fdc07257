import { useCallback, useEffect, useRef, useState } from 'react';
import type { FlowDocument } from '@switchboard/runtime';
import { api, isApiError, type PhraseTarget, type UnrecognizedGroup, type UnrecognizedQuery } from '../api';
import type { TargetOption } from './phraseTargets';

export const PAGE_SIZE = 50;

export type ReviewLoad =
  | { status: 'loading' }
  | { status: 'error'; message: string | null }
  | { status: 'ready'; groups: UnrecognizedGroup[]; total: number; truncated: boolean };

export type ReviewFilters = Omit<UnrecognizedQuery, 'offset' | 'limit'>;

/** What happened, for the page to announce with an undo. */
export type ReviewOutcome =
  | { kind: 'added'; phrase: string; target: string; undo: () => Promise<void> }
  | { kind: 'dismissed'; phrase: string; undo: () => Promise<void> }
  | { kind: 'failed'; message: string | null; conflict: boolean };

/**
 * The review list of one flow with its draft: loads both, adds a message to the draft (with the
 * draft's revision; after a 409 it reads the draft again and tries once more, since the server
 * checks the target against that newer draft) or dismisses it, taking the group off the list.
 */
export function useReview(flowId: string, filters: ReviewFilters) {
  const [load, setLoad] = useState<ReviewLoad>({ status: 'loading' });
  const [flow, setFlow] = useState<FlowDocument | null>(null);
  const [unpublished, setUnpublished] = useState(false);
  const [busy, setBusy] = useState(false);
  const revision = useRef(0);
  const key = JSON.stringify(filters);

  const readDraft = useCallback(async () => {
    const detail = await api.flows.get(flowId);
    revision.current = detail.revision;
    setFlow(detail.flow);
    setUnpublished(detail.hasUnpublishedChanges);
  }, [flowId]);

  const reload = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      const [list] = await Promise.all([api.unrecognized.groups(flowId, { ...(JSON.parse(key) as ReviewFilters), limit: PAGE_SIZE }), readDraft()]);
      setLoad({ status: 'ready', ...list });
    } catch (err) {
      setLoad({ status: 'error', message: isApiError(err) ? err.message : null });
    }
  }, [flowId, key, readDraft]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const more = useCallback(async () => {
    if (load.status !== 'ready') return;
    const next = await api.unrecognized.groups(flowId, { ...filters, offset: load.groups.length, limit: PAGE_SIZE });
    setLoad({ status: 'ready', groups: [...load.groups, ...next.groups], total: next.total, truncated: next.truncated });
  }, [flowId, filters, load]);

  const leave = (group: UnrecognizedGroup) =>
    setLoad((l) => (l.status === 'ready' ? { ...l, groups: l.groups.filter((g) => g !== group), total: l.total - 1 } : l));

  /** Runs a draft change with the current revision, reading the draft again once after a 409. */
  const withRevision = async (change: (revision: number) => ReturnType<typeof api.unrecognized.add>) => {
    let result = await change(revision.current);
    if (!result.ok) {
      await readDraft();
      result = await change(revision.current);
    }
    if (result.ok) revision.current = result.revision;
    return result;
  };

  const run = async (action: () => Promise<ReviewOutcome>): Promise<ReviewOutcome> => {
    setBusy(true);
    try {
      return await action();
    } catch (err) {
      return { kind: 'failed', message: isApiError(err) ? (err.details[0]?.message ? `${err.message} (${err.details[0].message})` : err.message) : null, conflict: false };
    } finally {
      setBusy(false);
    }
  };

  const add = (group: UnrecognizedGroup, option: TargetOption) =>
    run(async () => {
      const target = { ...option.ref, phrase: group.text } as PhraseTarget;
      const result = await withRevision((r) => api.unrecognized.add(flowId, r, group.keys, target));
      if (!result.ok) return { kind: 'failed', message: null, conflict: true };
      leave(group);
      setUnpublished(true);
      return {
        kind: 'added',
        phrase: group.text,
        target: option.label,
        undo: async () => {
          const undone = await withRevision((r) => api.unrecognized.undoAdd(flowId, r, group.keys, target));
          if (!undone.ok) throw new Error('conflict');
          await reload();
        },
      };
    });

  const dismiss = (group: UnrecognizedGroup) =>
    run(async () => {
      await api.unrecognized.dismiss(flowId, group.keys);
      leave(group);
      return {
        kind: 'dismissed',
        phrase: group.text,
        undo: async () => {
          await api.unrecognized.restore(flowId, group.keys);
          await reload();
        },
      };
    });

  return { load, flow, unpublished, busy, reload, more, add, dismiss };
}
