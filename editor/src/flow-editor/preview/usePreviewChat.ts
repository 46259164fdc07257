import { useCallback, useEffect, useState } from 'react';
import type { FlowDocument, VariableValue } from '@switchboard/runtime';
import { advancePreview, agentReply, beginPreview, editVariable, resolveHttp, resolveIntentPick, resolveKnowledge, type PreviewConversation, type PreviewInput } from './conversation';
import { api } from '../../api';
import { PREVIEW_CONTEXT } from './previewContext';
import { usePreviewStore } from './previewStore';

export interface PreviewChat {
  conversation: PreviewConversation | null;
  /** The engine threw: a bug to report, shown instead of a silent chat. */
  error: string | null;
  restart(fromNodeId?: string): void;
  send(input: PreviewInput): void;
  answerAsAgent(text: string): void;
  setVariable(name: string, value: VariableValue): void;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Drives the preview conversation over the current draft; the state lives in the preview store. */
export function usePreviewChat(flow: FlowDocument, agentName: string): PreviewChat {
  const conversation = usePreviewStore((s) => s.conversation);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback((next: () => PreviewConversation) => {
    try {
      usePreviewStore.getState().setConversation(next());
      setError(null);
    } catch (e) {
      setError(describe(e));
    }
  }, []);

  const restart = useCallback(
    (fromNodeId?: string) => run(() => beginPreview(flow, PREVIEW_CONTEXT, fromNodeId)),
    [flow, run],
  );

  useEffect(() => {
    if (usePreviewStore.getState().conversation === null) restart();
  }, [restart]);

  // HTTP-request steps run on the server, under the same address checks and secrets as production.
  const pendingNode = conversation?.pendingHttp?.nodeId ?? null;
  useEffect(() => {
    const c = usePreviewStore.getState().conversation;
    if (pendingNode === null || !c || flow.id === '') return;
    let cancelled = false;
    api.flows
      .previewHttp(flow.id, pendingNode, c.session.variables)
      .catch(() => ({ ok: false, errorKind: 'network' }))
      .then((outcome) => {
        const now = usePreviewStore.getState().conversation;
        if (!cancelled && now === c) run(() => resolveHttp(flow, c, outcome, PREVIEW_CONTEXT));
      });
    return () => {
      cancelled = true;
    };
  }, [pendingNode, conversation, flow, run]);

  // "Answer from knowledge" runs on the server too: the organisation's knowledge and language model.
  const pendingKnowledge = conversation?.pendingKnowledge ?? null;
  useEffect(() => {
    const c = usePreviewStore.getState().conversation;
    if (pendingKnowledge === null || !c || flow.id === '') return;
    let cancelled = false;
    api.flows
      .previewKnowledge(flow.id, pendingKnowledge.nodeId, pendingKnowledge.request)
      .catch((e: unknown) => ({ outcome: 'error' as const, reason: 'network', detail: describe(e), trace: { passages: [], sent: null, masked: 0, raw: null } }))
      .then((outcome) => {
        const now = usePreviewStore.getState().conversation;
        if (!cancelled && now === c) run(() => resolveKnowledge(flow, c, outcome, PREVIEW_CONTEXT));
      });
    return () => {
      cancelled = true;
    };
  }, [pendingKnowledge, conversation, flow, run]);

  // An unsure intent step's tie-break asks the organisation's language model on the server too.
  const pendingIntentPick = conversation?.pendingIntentPick ?? null;
  useEffect(() => {
    const c = usePreviewStore.getState().conversation;
    if (pendingIntentPick === null || !c || flow.id === '') return;
    let cancelled = false;
    api.flows
      .previewIntentPick(flow.id, pendingIntentPick.nodeId, pendingIntentPick.request)
      .catch(() => ({ pick: null, reason: 'network' }))
      .then((outcome) => {
        const now = usePreviewStore.getState().conversation;
        if (!cancelled && now === c) run(() => resolveIntentPick(flow, c, outcome, PREVIEW_CONTEXT));
      });
    return () => {
      cancelled = true;
    };
  }, [pendingIntentPick, conversation, flow, run]);

  const current = () => usePreviewStore.getState().conversation;
  return {
    conversation,
    error,
    restart,
    send: (input) => {
      const c = current();
      if (c) run(() => advancePreview(flow, c, input, PREVIEW_CONTEXT, agentName));
    },
    answerAsAgent: (text) => {
      const c = current();
      if (c) run(() => agentReply(c, text, Date.now(), agentName));
    },
    setVariable: (name, value) => {
      const c = current();
      if (c) run(() => editVariable(c, name, value));
    },
  };
}
