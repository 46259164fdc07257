import type { VariableValue } from '../schema/common';
import type { MaskSettings } from '../schema/privacySettings';
import { anyMasking, maskText } from '../privacy/mask';
import type { EventRecord } from './conversationStore';
import type { NewMessage } from './messages';
import type { TurnRecord } from './turnRecord';

/**
 * Masks what a customer typed before the turn is stored: their own messages and the text
 * events carry (a fallback's unrecognised words). Bot and agent messages are left as written —
 * they are the business's own words (its phone number, its IBAN) — and the engine session keeps
 * the raw variable values a flow may need (README: Security and privacy → Masking).
 */
export function maskTurnRecord(turn: TurnRecord, mask: MaskSettings): TurnRecord {
  if (!anyMasking(mask)) return turn;
  return {
    ...turn,
    messages: turn.messages.map((m) => maskCustomerMessage(m, mask)),
    events: turn.events.map((e) => maskEvent(e, mask)),
    forwarded: turn.forwarded.map((text) => maskText(text, mask)),
  };
}

export function maskCustomerMessage(message: NewMessage, mask: MaskSettings): NewMessage {
  if (message.from !== 'customer' || message.text === undefined) return message;
  return { ...message, text: maskText(message.text, mask) };
}

function maskEvent(event: EventRecord, mask: MaskSettings): EventRecord {
  if (event.data === null) return event;
  const data: Record<string, VariableValue> = Object.create(null);
  for (const [key, value] of Object.entries(event.data)) data[key] = typeof value === 'string' ? maskText(value, mask) : value;
  return { ...event, data: { ...data } };
}

/** Variables as the inbox shows them: masked like the transcript, raw values stay in the session. */
export function maskVariables(variables: Record<string, VariableValue>, mask: MaskSettings): Record<string, VariableValue> {
  if (!anyMasking(mask)) return variables;
  const out: Record<string, VariableValue> = {};
  for (const [key, value] of Object.entries(variables)) out[key] = typeof value === 'string' ? maskText(value, mask) : value;
  return out;
}
