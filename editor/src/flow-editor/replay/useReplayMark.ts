import { replayMarkOf, useReplayStore } from './replayStore';

/** This card's place in the replayed path: null when the path has not passed it (or no replay runs). */
export function useReplayMark(nodeId: string): { current: boolean; steps: number[] } | null {
  const mark = useReplayStore((s) => replayMarkOf(s.state, nodeId));
  if (mark === '') return null;
  const [where, numbers] = mark.split(':') as [string, string];
  return { current: where === 'current', steps: numbers.split(',').map(Number) };
}
