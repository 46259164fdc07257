/**
 * Failures a chat caller can act on. The HTTP layer maps each code to a status; the runtime
 * itself knows nothing of HTTP.
 */
export type ChatErrorCode =
  | 'flow_not_found'
  | 'session_not_found'
  | 'invalid_token'
  | 'flow_unavailable'
  | 'flow_removed'
  | 'already_claimed'
  | 'not_waiting'
  | 'not_in_handoff'
  | 'assigned_to_other'
  | 'conversation_closed'
  | 'busy'
  | 'invalid_cursor';

export class ChatError extends Error {
  readonly code: ChatErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ChatErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ChatError';
    this.code = code;
    this.details = details;
  }
}
