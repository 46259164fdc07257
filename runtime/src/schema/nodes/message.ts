import { z } from 'zod';
import { nodeSchemaOf } from '../common';

// URLs are kept as plain strings here so a half-typed link never blocks saving a draft;
// the validator reports disallowed schemes and the engine drops them from what it outputs.
export const messageLinkSchema = z.strictObject({
  label: z.string().max(200),
  url: z.string().max(2000),
});
export type MessageLink = z.infer<typeof messageLinkSchema>;

export const messageImageSchema = z.strictObject({
  url: z.string().max(2000),
  alt: z.string().max(500),
});

export const messageDataSchema = z.strictObject({
  text: z.string().max(5000),
  image: messageImageSchema.optional(),
  links: z.array(messageLinkSchema).max(10).optional(),
});
export const messageNodeSchema = nodeSchemaOf('message', messageDataSchema);
export type MessageNode = z.infer<typeof messageNodeSchema>;
export type MessageData = MessageNode['data'];

export const messageHandles = (_data: MessageData): string[] => ['next'];
