import { z } from 'zod';
import type { CustomerInput } from '../../../runtime/src/server/chat/chatService';

export const MAX_TEXT_LENGTH = 2000;

/** What a customer may send, over HTTP or the socket: typed text or a clicked option. */
export const customerInputSchema = z
  .strictObject({
    text: z.string().trim().min(1, 'must not be empty').max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`).optional(),
    optionId: z.string().min(1, 'must not be empty').max(200).optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.optionId === undefined), {
    message: 'send either text or optionId',
  })
  .transform((v): CustomerInput => (v.text !== undefined ? { text: v.text } : { optionId: v.optionId! }));

export const agentTextSchema = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`),
});
