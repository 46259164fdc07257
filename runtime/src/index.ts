/**
 * `@switchboard/runtime`: the browser-safe public surface of the runtime, the one import path
 * for the editor, the widget and the preview. Nothing reachable from here may import `node:*`;
 * Node-only code (the chat service, session tokens) is under `./server` and is imported as
 * `@switchboard/runtime/server`. runtime/package.json declares the package side-effect free so
 * bundlers keep only what each chunk uses.
 */
export * from './schema';
export * from './engine';
export * from './validator';
export { patternError, patternUnsupported, withoutPlaceholders } from './validator/pattern';
export { isSafeImageUrl, isSafeLinkUrl } from './validator/urlScheme';
export * from './diff';
export * from './text';
export * from './http';
export * from './nlu';
export * from './flowtests';
export * from './hours';
export * from './chat';
export * from './privacy/mask';
export { kindOf, variableRenamer, type VariableRenamer } from './kinds';
export { assertNever } from './util/assertNever';
export { jsonEqual } from './util/jsonEqual';
export * from './flowTexts/defaultFlowTexts';
export * from './knowledge';
