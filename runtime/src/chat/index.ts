// The chat model both sides share: stored messages, transcripts, inbox views and the store
// interface. Browser-safe; the service that runs chats on the server lives in ../server/chat.
export * from './chatError';
export * from './chatEvents';
export * from './conversationHistory';
export * from './conversationStore';
export * from './inboxView';
export * from './messages';
export * from './turnRecord';
export * from './maskTurn';
