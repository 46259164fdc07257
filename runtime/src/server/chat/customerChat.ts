import { randomUUID } from 'node:crypto';
import { currentInput, start, step } from '../../engine';
import type { InputRequest, Session, SessionStatus } from '../../engine/types';
import type { ConversationRecord } from '../../chat/conversationStore';
import { ChatError } from '../../chat/chatError';
import { toCustomerTranscript } from '../../chat/messages';
import { maskTurnRecord } from '../../chat/maskTurn';
import { recordStep } from '../../chat/turnRecord';
import type { LoadedVersion } from './flowVersionCache';
import { createSessionToken, hashSessionToken, sessionTokenMatches } from './sessionToken';
import { settleHttpSteps } from './httpSteps';
import type { ChatCore } from './chatCore';
import type { ChatView, CustomerInput, StartedConversation } from './chatTypes';

/** What the widget may do: start a conversation, send, read the transcript, say it is typing. */
export class CustomerChat {
  constructor(private readonly core: ChatCore) {}

  async startConversation(flowId: string, options: { origin: string | null; visitorId?: string | null }): Promise<StartedConversation> {
    const core = this.core;
    const version = await core.liveVersion(flowId);
    const at = core.now();
    const sessionId = randomUUID();
    const sessionToken = createSessionToken();
    const ctx = await core.contextFor(version, at);
    let latest = start(version.flow, ctx, { sessionId, flowVersion: version.number });
    const result = await settleHttpSteps(
      latest,
      (input) => (latest = step(version.flow, latest.session, input, ctx)),
      core.http,
      { flowId, flowVersion: version.number, sessionId },
      { ...(core.knowledge ? { knowledge: core.knowledge } : {}), ...(core.intentPick ? { intentPick: core.intentPick } : {}) },
    );
    const meta = { flowId, flowVersion: version.number, sessionId, at };
    const record = maskTurnRecord(recordStep(result, meta), version.flow.settings.privacy.mask);
    const stored = await core.store.create(
      {
        id: sessionId,
        flowId,
        flowVersion: version.number,
        tokenHash: hashSessionToken(sessionToken),
        session: result.session,
        handoff: record.handoff,
        origin: options.origin,
        visitorId: options.visitorId ?? null,
        at,
      },
      record.messages,
      record.events,
    );
    if (record.handoff) core.publishQueue(sessionId, record.handoff);
    return { sessionId, sessionToken, messages: toCustomerTranscript(stored), input: result.input, status: result.session.status };
  }

  async sendMessage(sessionId: string, token: string, input: CustomerInput): Promise<ChatView> {
    const authenticated = await this.authenticate(sessionId, token);
    const outcome = await this.playTurn(sessionId, input, authenticated);
    return { messages: toCustomerTranscript(outcome.messages), input: outcome.result.input, status: outcome.result.session.status };
  }

  /**
   * A message from a customer socket. Its token was checked when the socket opened and a
   * conversation's token never changes, so it is not hashed again for every frame; the replies
   * reach the socket through its subscription, so no view is built for it either.
   */
  async sendFromSocket(sessionId: string, input: CustomerInput): Promise<void> {
    await this.playTurn(sessionId, input);
  }

  /** One customer turn under the conversation's lock; `initial` is a record the caller just read. */
  private playTurn(sessionId: string, input: CustomerInput, initial?: ConversationRecord) {
    // The plan is passed inline, not held in a named constant: run through tsx, a named function
    // made per turn costs an Object.defineProperty for its name (esbuild's keepNames).
    return this.core.locks.run(sessionId, () =>
      this.core.applyTurn(
        sessionId,
        (record, version) => ({
          input: 'text' in input ? { type: 'text', text: input.text } : { type: 'option', optionId: input.optionId },
          before: [
            {
              from: 'customer',
              kind: 'text',
              text: 'text' in input ? input.text : optionLabel(version, record.session, input.optionId),
              at: this.core.now(),
            },
          ],
          handoff: noHandoffChange,
          // While an agent holds it the message goes to the agent: no bot reply to time.
          botReply: record.session.status !== 'handedOff',
        }),
        initial,
      ),
    );
  }

  async getTranscript(sessionId: string, token: string, after: number): Promise<ChatView> {
    const record = await this.authenticate(sessionId, token);
    const version = await this.core.pinnedVersion(record);
    const messages = await this.core.store.listMessages(sessionId, after);
    return { messages: toCustomerTranscript(messages), ...this.core.viewState(record, version) };
  }

  /** Checks a session token; used by every customer call and by the socket upgrade. */
  async authenticate(sessionId: string, token: string): Promise<ConversationRecord> {
    const record = await this.core.store.get(sessionId);
    if (!record) throw new ChatError('session_not_found', 'This conversation does not exist');
    if (!sessionTokenMatches(token, record.tokenHash)) {
      throw new ChatError('invalid_token', 'The session token does not match this conversation');
    }
    return record;
  }

  /** Status and expected input as a reconnecting client should see them. */
  async currentState(record: ConversationRecord): Promise<{ status: SessionStatus; input: InputRequest }> {
    return this.core.viewState(record, await this.core.pinnedVersion(record));
  }

  /** Relayed to the agent only while one holds the conversation; the bot does not care. */
  async customerTyping(sessionId: string, typing: boolean): Promise<void> {
    const record = await this.core.store.get(sessionId);
    if (record?.handoff?.status !== 'active') return;
    this.core.events.publishInbox({
      type: 'typing',
      sessionId: record.id,
      assignedAgentId: record.handoff.assignedAgent?.id ?? null,
      typing,
    });
  }
}

/** A customer's message leaves the handoff as it is. */
function noHandoffChange(): undefined {
  return undefined;
}

function optionLabel(version: LoadedVersion, session: Session, optionId: string): string {
  const expected = currentInput(version.flow, session);
  if (expected.type === 'choice') {
    const option = expected.options.find((o) => o.id === optionId);
    if (option) return option.label;
  }
  return optionId;
}
