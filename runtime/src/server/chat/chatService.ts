import { ChatCore } from './chatCore';
import { CustomerChat } from './customerChat';
import { InboxChat } from './inboxChat';
import { AgentAvailabilityBoard } from './availability';
import { ChatOrigins } from './origins';
import type { ChatServiceDeps } from './chatTypes';

export type { AgentActor, ChatServiceDeps, ChatView, CustomerInput, StartedConversation, TransferTarget } from './chatTypes';

/**
 * The chat service the API uses, one part per audience around one shared core (`ChatCore`, whose
 * `applyTurn` steps the engine and commits a turn): customers (`customerChat.ts`), the agent
 * inbox (`inboxChat.ts`), agents' availability (`availability.ts`) and widget origins
 * (`origins.ts`). The methods are bound here so callers keep one object to hold.
 */
export class ChatService {
  private readonly core: ChatCore;
  private readonly customer: CustomerChat;
  private readonly inbox: InboxChat;
  private readonly availability: AgentAvailabilityBoard;
  private readonly origins: ChatOrigins;

  constructor(deps: ChatServiceDeps) {
    this.core = new ChatCore(deps);
    this.customer = new CustomerChat(this.core);
    this.inbox = new InboxChat(this.core);
    this.availability = new AgentAvailabilityBoard(this.core);
    this.origins = new ChatOrigins(this.core);
  }

  // Customers
  startConversation: CustomerChat['startConversation'] = (...a) => this.customer.startConversation(...a);
  sendMessage: CustomerChat['sendMessage'] = (...a) => this.customer.sendMessage(...a);
  sendFromSocket: CustomerChat['sendFromSocket'] = (...a) => this.customer.sendFromSocket(...a);
  getTranscript: CustomerChat['getTranscript'] = (...a) => this.customer.getTranscript(...a);
  authenticate: CustomerChat['authenticate'] = (...a) => this.customer.authenticate(...a);
  currentState: CustomerChat['currentState'] = (...a) => this.customer.currentState(...a);
  customerTyping: CustomerChat['customerTyping'] = (...a) => this.customer.customerTyping(...a);

  // Widget origins
  allowedOriginsForFlow: ChatOrigins['allowedOriginsForFlow'] = (...a) => this.origins.allowedOriginsForFlow(...a);
  allowedOriginsForSession: ChatOrigins['allowedOriginsForSession'] = (...a) => this.origins.allowedOriginsForSession(...a);

  /**
   * A deleted flow takes its versions with it: conversations on it end at their next turn (the
   * customer is told the chat is no longer offered) rather than running on from the version cache
   * until a restart and then failing. Their records stay until retention or erasure removes them.
   * Conversations waiting for or held by an agent are closed now: the customer can no longer
   * write, so an agent must not go on answering, and nobody could close them later without the
   * flow. Resolves to how many were closed. The flow's review marks go too: they describe its
   * draft, and a new flow given the same id would otherwise start with wordings hidden from review.
   */
  async flowDeleted(flowId: string): Promise<number> {
    this.forgetFlow(flowId, true);
    try {
      return await this.inbox.closeForRemovedFlow(flowId);
    } finally {
      await this.core.store.deleteFlowReviewMarks(flowId);
    }
  }

  /**
   * Drops what this process cached about a flow after it changed elsewhere (another instance
   * published, rolled back, unpublished or deleted it): the widget origins at once, and on
   * deletion its versions too, so no conversation here runs on.
   */
  forgetFlow(flowId: string, deleted: boolean): void {
    if (deleted) this.core.versions.forget(flowId);
    this.origins.forget(flowId);
  }

  /** Resolves once no turn is running, so a shutting-down server ends none half-way. */
  idle(): Promise<void> {
    return this.core.locks.idle();
  }

  // The inbox
  listInbox: InboxChat['listInbox'] = (...a) => this.inbox.listInbox(...a);
  getInboxConversation: InboxChat['getInboxConversation'] = (...a) => this.inbox.getInboxConversation(...a);
  claim: InboxChat['claim'] = (...a) => this.inbox.claim(...a);
  agentMessage: InboxChat['agentMessage'] = (...a) => this.inbox.agentMessage(...a);
  addNote: InboxChat['addNote'] = (...a) => this.inbox.addNote(...a);
  transfer: InboxChat['transfer'] = (...a) => this.inbox.transfer(...a);
  agentTyping: InboxChat['agentTyping'] = (...a) => this.inbox.agentTyping(...a);
  returnToBot: InboxChat['returnToBot'] = (...a) => this.inbox.returnToBot(...a);
  close: InboxChat['close'] = (...a) => this.inbox.close(...a);
  listQueues: InboxChat['listQueues'] = (...a) => this.inbox.listQueues(...a);
  flowTitle: InboxChat['flowTitle'] = (...a) => this.inbox.flowTitle(...a);

  // Agents' availability
  setAvailability: AgentAvailabilityBoard['setAvailability'] = (...a) => this.availability.setAvailability(...a);
  markAwayAfterDisconnect: AgentAvailabilityBoard['markAwayAfterDisconnect'] = (...a) => this.availability.markAwayAfterDisconnect(...a);
  listAgents: AgentAvailabilityBoard['listAgents'] = (...a) => this.availability.listAgents(...a);
  getAvailability: AgentAvailabilityBoard['getAvailability'] = (...a) => this.availability.getAvailability(...a);

  /** The masking rules of the version a conversation runs on, for views of its variables. */
  flowMask: ChatCore['flowMask'] = (...a) => this.core.flowMask(...a);
}
