/**
 * `@switchboard/runtime/server`: the Node-only part of the runtime (it uses `node:crypto`).
 * The API imports it; the editor and the widget never do (ESLint enforces the boundary).
 */
export * from './chat/chatService';
export * from './chat/agentPresence';
export * from './chat/flowVersionCache';
export * from './chat/httpSteps';
export * from './chat/keyedLock';
export * from './chat/sessionToken';
