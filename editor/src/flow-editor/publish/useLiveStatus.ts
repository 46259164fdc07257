import { jsonEqual } from '@switchboard/runtime';
import { useMemo } from 'react';
import { usePreviewDocument } from '../preview/usePreviewDocument';
import { useLiveStore } from './liveStore';

export type LiveStatus = { kind: 'loading' } | { kind: 'draft' } | { kind: 'live'; version: number; changed: boolean };

/** Draft only, live, or live with edits not yet published (unsaved ones included). */
export function useLiveStatus(): LiveStatus {
  const loaded = useLiveStore((s) => s.loaded);
  const version = useLiveStore((s) => s.publishedVersion);
  const liveFlow = useLiveStore((s) => s.liveFlow);
  const draft = usePreviewDocument();
  return useMemo(() => {
    if (!loaded) return { kind: 'loading' };
    if (version === null || liveFlow === null) return { kind: 'draft' };
    return { kind: 'live', version, changed: !jsonEqual(draft, liveFlow) };
  }, [loaded, version, liveFlow, draft]);
}
