import { create } from 'zustand';
import { api, isApiError, type ConversationPath } from '../../api';

export type ReplayStep = ConversationPath['steps'][number];

export type ReplayState =
  | { status: 'off' }
  | { status: 'loading'; sessionId: string }
  | { status: 'error'; sessionId: string; message: string }
  | {
      status: 'on';
      sessionId: string;
      version: number;
      startedAt: string;
      steps: readonly ReplayStep[];
      /** Index into `steps` of the step shown as current; every step before it shows as passed. */
      current: number;
      playing: boolean;
    };

interface ReplayStore {
  state: ReplayState;
  /** Loads one conversation's path and stands on its first step. */
  start(flowId: string, sessionId: string): Promise<void>;
  go(index: number): void;
  next(): void;
  previous(): void;
  setPlaying(playing: boolean): void;
  stop(): void;
}

/** One conversation's path replayed on the canvas, step by step, matched to the draft by node id. */
export const useReplayStore = create<ReplayStore>()((set, get) => ({
  state: { status: 'off' },
  async start(flowId, sessionId) {
    set({ state: { status: 'loading', sessionId } });
    try {
      const path = await api.conversationList.path(flowId, sessionId);
      const now = get().state;
      // Left, or another replay asked for, while this one loaded.
      if (now.status !== 'loading' || now.sessionId !== sessionId) return;
      set({ state: { status: 'on', sessionId, version: path.version, startedAt: path.startedAt, steps: path.steps, current: 0, playing: false } });
    } catch (err) {
      const now = get().state;
      if (now.status === 'loading' && now.sessionId === sessionId) {
        set({ state: { status: 'error', sessionId, message: isApiError(err) ? err.message : String(err) } });
      }
    }
  },
  go(index) {
    const s = get().state;
    if (s.status !== 'on' || s.steps.length === 0) return;
    const current = Math.max(0, Math.min(s.steps.length - 1, index));
    set({ state: { ...s, current, playing: s.playing && current < s.steps.length - 1 } });
  },
  next() {
    const s = get().state;
    if (s.status === 'on') get().go(s.current + 1);
  },
  previous() {
    const s = get().state;
    if (s.status === 'on') get().go(s.current - 1);
  },
  setPlaying(playing) {
    const s = get().state;
    if (s.status !== 'on') return;
    // Play from the start again once the end was reached.
    const current = playing && s.current >= s.steps.length - 1 ? 0 : s.current;
    set({ state: { ...s, current, playing: playing && s.steps.length > 1 } });
  },
  stop() {
    set({ state: { status: 'off' } });
  },
}));

/**
 * One card's replay marks as a string, so a card re-renders only when its own marks change:
 * the step numbers (1-based) at which the conversation entered it, up to the current step, and
 * whether the current step is this card.
 */
export function replayMarkOf(state: ReplayState, nodeId: string): string {
  if (state.status !== 'on') return '';
  const numbers: number[] = [];
  for (let i = 0; i <= state.current; i++) if (state.steps[i]!.nodeId === nodeId) numbers.push(i + 1);
  if (numbers.length === 0) return '';
  return `${state.steps[state.current]!.nodeId === nodeId ? 'current' : 'passed'}:${numbers.join(',')}`;
}
