import { ChatError, type ChatErrorCode } from '../../../runtime/src/chat/chatError';
import { HttpError } from '../http/errors';

const STATUS: Record<ChatErrorCode, number> = {
  flow_not_found: 404,
  session_not_found: 404,
  invalid_token: 401,
  flow_unavailable: 404,
  flow_removed: 410,
  already_claimed: 409,
  not_waiting: 409,
  not_in_handoff: 409,
  assigned_to_other: 409,
  conversation_closed: 409,
  busy: 409,
  invalid_cursor: 400,
};

/** Chat failures as the API's JSON errors; anything else passes through to the error handler. */
export function toHttpError(err: unknown): unknown {
  if (!(err instanceof ChatError)) return err;
  return new HttpError(STATUS[err.code], err.code, err.message, [], err.details ?? {});
}
