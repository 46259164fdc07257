import { useCallback, useEffect, useState } from 'react';
import { api, type FlowSummary } from '../api';

export type FlowListState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; flows: FlowSummary[] };

/** The dashboard's flow list, newest edit first. `reload` keeps showing the old list while it fetches. */
export function useFlowList() {
  const [state, setState] = useState<FlowListState>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      const flows = await api.flows.list();
      setState({ status: 'ready', flows: [...flows].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) });
    } catch (error) {
      setState((prev) => (prev.status === 'ready' ? prev : { status: 'error', error }));
      throw error;
    }
  }, []);

  useEffect(() => {
    reload().catch(() => undefined);
  }, [reload]);

  const removeLocally = useCallback((id: string) => {
    setState((prev) => (prev.status === 'ready' ? { ...prev, flows: prev.flows.filter((f) => f.id !== id) } : prev));
  }, []);

  return { state, reload, removeLocally };
}
