import { useCallback, useEffect } from 'react';
import { flowPath, navigate, useLocation } from '../../app/router';
import { useReplayStore } from './replayStore';
import { REPLAY_PARAM } from './replayPaths';

/**
 * Runs the replay the URL names (the analytics page links here) while the draft's canvas is
 * shown (`active`: not while a version is viewed), and stops it when the URL no longer names one
 * or the editor closes; `leave` drops the parameter, so reloading does not bring it back.
 */
export function useReplayFromUrl(flowId: string, active: boolean): { leave: () => void } {
  const sessionId = new URLSearchParams(useLocation().search).get(REPLAY_PARAM);
  useEffect(() => {
    if (!sessionId || !active) return;
    void useReplayStore.getState().start(flowId, sessionId);
    return () => useReplayStore.getState().stop();
  }, [flowId, sessionId, active]);
  const leave = useCallback(() => {
    useReplayStore.getState().stop();
    navigate(flowPath(flowId), { replace: true, force: true });
  }, [flowId]);
  return { leave };
}
