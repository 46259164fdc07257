/**
 * Tables of the conversation store (conversations, messages, events, agent availability, daily
 * counts). migrations/conversations.ts creates them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the area's tables are added here
export interface ConversationTables {}
