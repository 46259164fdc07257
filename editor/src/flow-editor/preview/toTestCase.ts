import type { FlowTestCase } from '@switchboard/runtime';
import type { PreviewConversation } from './conversation';

/** A case id that is not yet in the suite, readable in API reports and CI logs. */
export function newCaseId(existing: readonly { id: string }[], now: number): string {
  const taken = new Set(existing.map((c) => c.id));
  const base = `preview-${now.toString(36)}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

/**
 * A preview conversation as a flow test: the customer's inputs, the bot's texts after each, and
 * the final state. The clock is pinned to when the preview began, so business-hours branches
 * replay as they ran; agents count as available, as they were for the previewer.
 */
export function conversationToTestCase(conversation: PreviewConversation, meta: { id: string; name: string }): FlowTestCase {
  return {
    id: meta.id,
    name: meta.name.trim(),
    steps: conversation.steps.map((s) => ({ input: s.input, expect: [...s.expect] })),
    agentsAvailable: true,
    now: new Date(conversation.startedAt).toISOString(),
    expectStatus: conversation.session.status,
  };
}
