import type { IntentPickRequest } from '../../engine/types';

/** The model's pick for an unsure intent step: an intent id, or null with a short reason code when it failed or declined. */
export type IntentPickOutcome = { pick: string } | { pick: null; reason?: string };

export interface IntentPickMeta {
  flowId: string;
  flowVersion: number;
  sessionId: string;
  nodeId: string;
}

/** Asks the model within `request.timeoutMs`; must not throw (a failure is a `null` pick with a reason). */
export type IntentPickRunner = (request: IntentPickRequest, meta: IntentPickMeta) => Promise<IntentPickOutcome>;
