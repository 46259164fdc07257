import {
  start,
  startAt,
  step,
  assertNever,
  recordStep,
  systemMessage,
  toTranscript,
  type FlowDocument,
  type VariableValue,
  type EngineContext,
  type InputRequest,
  type Session,
  type StepResult,
  type KnowledgeStepRequest,
  type IntentPickRequest,
  type NewMessage,
  type TestInput,
  type TestStep,
} from '@switchboard/runtime';
import type { ChatMessage } from '../../widget/types';
import { edgeIndex, handleKey } from './edgeIndex';

/** Why a preview conversation cannot be replayed as a flow test. */
export type Unreplayable = 'startedMidway' | 'variablesEdited' | 'httpRequest' | 'knowledgeAnswer';

/** A preview chat: the engine session plus what the previewer saw and did, all plain data. */
export interface PreviewConversation {
  session: Session;
  input: InputRequest;
  messages: ChatMessage[];
  /** Inputs and the bot texts they produced, in the flow-test format. */
  steps: TestStep[];
  /** In the order first entered. */
  visitedNodeIds: string[];
  visitedEdgeIds: string[];
  startedAt: number;
  unreplayable: Unreplayable | null;
  /** Set once the previewer has spoken as the agent in the current handoff. */
  agentJoined: boolean;
  /** An HTTP-request step waiting for the server to run its request. */
  pendingHttp: { nodeId: string } | null;
  /** An "Answer from knowledge" step waiting for the server to retrieve and ask the model. */
  pendingKnowledge: { nodeId: string; request: KnowledgeStepRequest } | null;
  /** An unsure intent step waiting for the server to ask the model to pick; absent in conversations from before the option. */
  pendingIntentPick?: { nodeId: string; request: IntentPickRequest } | null;
  /** What the last knowledge step did on the server, for the debug panel. */
  lastKnowledge: PreviewKnowledgeOutcome | null;
}

/** The server's answer for a knowledge step in the preview (api/src/contract/previewKnowledge.ts). */
export interface PreviewKnowledgeOutcome {
  outcome: 'answered' | 'noAnswer' | 'error';
  text?: string;
  sources?: { label: string; url: string }[];
  reason?: string;
  detail?: string;
  trace: {
    passages: { id: string; sourceTitle: string; sourceUrl: string | null; text: string; score: number }[];
    sent: { role: string; content: string }[] | null;
    masked: number;
    raw: string | null;
  };
}

/** What the server's preview route answered for a request, as the engine takes it. */
export interface PreviewHttpOutcome {
  ok: boolean;
  status?: number;
  json?: unknown;
  errorKind?: string;
}

export const PREVIEW_SESSION_ID = 'editor-preview';

/** What the previewer can do: exactly the inputs a flow test can replay. */
export type PreviewInput = TestInput;

function botTexts(result: StepResult): string[] {
  return result.outputs.flatMap((o) => (o.type === 'text' ? [o.text] : []));
}

/** Nodes and edges a turn went through, from its `nodeEntered` events. */
function pathOf(flow: FlowDocument, result: StepResult): { nodeIds: string[]; edgeIds: string[] } {
  const edges = edgeIndex(flow);
  const nodeIds: string[] = [];
  const edgeIds: string[] = [];
  for (const effect of result.effects) {
    if (effect.type !== 'event' || effect.event.name !== 'nodeEntered' || effect.event.nodeId === undefined) continue;
    nodeIds.push(effect.event.nodeId);
    const from = effect.event.data?.fromNodeId;
    const handle = effect.event.data?.viaHandle;
    if (typeof from !== 'string' || typeof handle !== 'string') continue;
    const edgeId = edges.get(handleKey(from, handle));
    if (edgeId !== undefined) edgeIds.push(edgeId);
  }
  return { nodeIds, edgeIds };
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

function transcriptOf(messages: readonly NewMessage[], firstId: number): ChatMessage[] {
  return messages.flatMap((m, i) => (m.kind === 'note' ? [] : [toTranscript({ ...m, kind: m.kind, id: firstId + i })]));
}

function apply(
  flow: FlowDocument,
  previous: PreviewConversation | null,
  result: StepResult,
  stepRecord: TestStep,
  before: NewMessage[],
  at: number,
): PreviewConversation {
  // The same conversion the chat service stores, so bot messages look exactly as customers get them.
  const record = recordStep(result, { flowId: flow.id, flowVersion: 0, sessionId: result.session.id, at }, before);
  const messages = previous?.messages ?? [];
  const path = pathOf(flow, result);
  return {
    session: result.session,
    input: result.input,
    messages: [...messages, ...transcriptOf(record.messages, (messages.at(-1)?.id ?? 0) + 1)],
    steps: [...(previous?.steps ?? []), stepRecord],
    visitedNodeIds: union(previous?.visitedNodeIds ?? [], path.nodeIds),
    visitedEdgeIds: union(previous?.visitedEdgeIds ?? [], path.edgeIds),
    startedAt: previous?.startedAt ?? at,
    unreplayable: previous?.unreplayable ?? null,
    agentJoined: result.session.status === 'handedOff' ? (previous?.agentJoined ?? false) : false,
    pendingHttp: pendingHttpOf(result),
    pendingKnowledge: pendingKnowledgeOf(result),
    pendingIntentPick: pendingIntentPickOf(result),
    lastKnowledge: previous?.lastKnowledge ?? null,
  };
}

function pendingKnowledgeOf(result: StepResult): PreviewConversation['pendingKnowledge'] {
  for (const effect of result.effects) if (effect.type === 'knowledge') return { nodeId: effect.nodeId, request: effect.request };
  return null;
}

/**
 * Continues the engine with what the server answered for a pending step (a request, a knowledge
 * answer, an intent pick). The bot's words that follow belong to the customer's turn that
 * triggered the step, so they join that step's expectations; the answer cannot be replayed by a
 * saved test, so the conversation is marked `why` unless it already had a reason.
 */
function continueAfterServer(
  flow: FlowDocument,
  conversation: PreviewConversation,
  input: Parameters<typeof step>[2],
  ctx: EngineContext,
  why: Unreplayable,
): PreviewConversation {
  const at = ctx.now();
  const result = step(flow, conversation.session, input, ctx);
  const record = recordStep(result, { flowId: flow.id, flowVersion: 0, sessionId: result.session.id, at }, []);
  const path = pathOf(flow, result);
  const last = conversation.steps.at(-1);
  return {
    ...conversation,
    session: result.session,
    input: result.input,
    messages: [...conversation.messages, ...transcriptOf(record.messages, (conversation.messages.at(-1)?.id ?? 0) + 1)],
    steps: last ? [...conversation.steps.slice(0, -1), { ...last, expect: [...last.expect, ...botTexts(result)] }] : conversation.steps,
    visitedNodeIds: union(conversation.visitedNodeIds, path.nodeIds),
    visitedEdgeIds: union(conversation.visitedEdgeIds, path.edgeIds),
    unreplayable: conversation.unreplayable ?? why,
    pendingHttp: pendingHttpOf(result),
    pendingKnowledge: pendingKnowledgeOf(result),
    pendingIntentPick: pendingIntentPickOf(result),
  };
}

/** Continues after the server answered a knowledge step (flow tests stub the answer instead). */
export function resolveKnowledge(flow: FlowDocument, conversation: PreviewConversation, outcome: PreviewKnowledgeOutcome, ctx: EngineContext): PreviewConversation {
  const pending = conversation.pendingKnowledge;
  if (!pending) return conversation;
  const input = {
    type: 'knowledgeResult' as const,
    nodeId: pending.nodeId,
    outcome: outcome.outcome,
    ...(outcome.text !== undefined ? { text: outcome.text } : {}),
    ...(outcome.sources !== undefined ? { sources: outcome.sources } : {}),
    ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
  };
  return { ...continueAfterServer(flow, conversation, input, ctx, 'knowledgeAnswer'), lastKnowledge: outcome };
}

function pendingIntentPickOf(result: StepResult): PreviewConversation['pendingIntentPick'] {
  for (const effect of result.effects) if (effect.type === 'intentPick') return { nodeId: effect.nodeId, request: effect.request };
  return null;
}

/** The server's answer for an unsure intent step in the preview (api/src/contract/previewIntentPick.ts). */
export interface PreviewIntentPickOutcome {
  pick: string | null;
  reason?: string;
}

/** Continues after the server asked the model to pick for an unsure intent step (flow tests stub picks). */
export function resolveIntentPick(flow: FlowDocument, conversation: PreviewConversation, outcome: PreviewIntentPickOutcome, ctx: EngineContext): PreviewConversation {
  const pending = conversation.pendingIntentPick;
  if (!pending) return conversation;
  const input = { type: 'intentPickResult' as const, nodeId: pending.nodeId, pick: outcome.pick, ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}) };
  return continueAfterServer(flow, conversation, input, ctx, 'knowledgeAnswer');
}

function pendingHttpOf(result: StepResult): { nodeId: string } | null {
  for (const effect of result.effects) if (effect.type === 'http') return { nodeId: effect.nodeId };
  return null;
}

/** Continues after the server ran a pending request, which a test case cannot replay. */
export function resolveHttp(flow: FlowDocument, conversation: PreviewConversation, outcome: PreviewHttpOutcome, ctx: EngineContext): PreviewConversation {
  const pending = conversation.pendingHttp;
  if (!pending) return conversation;
  return continueAfterServer(flow, conversation, { type: 'httpResult', nodeId: pending.nodeId, ...outcome }, ctx, 'httpRequest');
}

/** Opens a preview at the start node, or at `fromNodeId` ("preview from the selected step"). */
export function beginPreview(flow: FlowDocument, ctx: EngineContext, fromNodeId?: string): PreviewConversation {
  const init = { sessionId: PREVIEW_SESSION_ID, flowVersion: null };
  const result = fromNodeId === undefined ? start(flow, ctx, init) : startAt(flow, fromNodeId, ctx, init);
  const conversation = apply(flow, null, result, { input: null, expect: botTexts(result) }, [], ctx.now());
  return fromNodeId === undefined ? conversation : { ...conversation, unreplayable: 'startedMidway' };
}

function optionLabel(input: InputRequest, optionId: string): string {
  return input.type === 'choice' ? (input.options.find((o) => o.id === optionId)?.label ?? optionId) : optionId;
}

/** What the chat shows before the bot answers: the customer's words, or the agent's action. */
function echoOf(conversation: PreviewConversation, input: PreviewInput, at: number, agentName: string): NewMessage[] {
  switch (input.type) {
    case 'text':
      return [{ from: 'customer', kind: 'text', text: input.text, at }];
    case 'option':
      return [{ from: 'customer', kind: 'text', text: optionLabel(conversation.input, input.optionId), at }];
    case 'handoffReturned':
      return [systemMessage('returnedToBot', at, agentName)];
    case 'close':
      return [systemMessage('conversationClosed', at, agentName)];
    case 'handoffUnavailable':
      return [];
    default:
      return assertNever(input);
  }
}

/** Applies one input with the production engine; the conversation itself is never mutated. */
export function advancePreview(
  flow: FlowDocument,
  conversation: PreviewConversation,
  input: PreviewInput,
  ctx: EngineContext,
  agentName = 'Agent',
): PreviewConversation {
  const at = ctx.now();
  const result = step(flow, conversation.session, input, ctx);
  return apply(flow, conversation, result, { input, expect: botTexts(result) }, echoOf(conversation, input, at, agentName), at);
}

/** The previewer answers as the agent during a handoff; the engine is not involved, as in production. */
export function agentReply(conversation: PreviewConversation, text: string, at: number, agentName: string): PreviewConversation {
  const added: NewMessage[] = [];
  if (!conversation.agentJoined) added.push(systemMessage('agentJoined', at, agentName));
  added.push({ from: 'agent', kind: 'text', text, agentName, at });
  return {
    ...conversation,
    agentJoined: true,
    messages: [...conversation.messages, ...transcriptOf(added, (conversation.messages.at(-1)?.id ?? 0) + 1)],
  };
}

/** Sets a variable mid-conversation; a saved test could not reproduce that, so the chat is marked. */
export function editVariable(conversation: PreviewConversation, name: string, value: VariableValue): PreviewConversation {
  if (Object.is(conversation.session.variables[name], value)) return conversation;
  return {
    ...conversation,
    session: { ...conversation.session, variables: { ...conversation.session.variables, [name]: value } },
    unreplayable: conversation.unreplayable ?? 'variablesEdited',
  };
}
