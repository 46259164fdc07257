import type { EngineContext } from '@switchboard/runtime';

/** The real clock: a preview is a live conversation; agents always "answer", as the previewer does. */
export const PREVIEW_CONTEXT: EngineContext = {
  now: () => Date.now(),
  random: () => Math.random(),
  agentsAvailable: () => true,
};
