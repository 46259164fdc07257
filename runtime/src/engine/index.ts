/**
 * The conversation engine: a pure interpreter over a flow document. `start` opens a session,
 * `step` applies one input; both return `{session, outputs, input, effects}` and perform no I/O.
 * The editor preview and the production runtime call exactly these, so preview == production.
 */
export { start } from './start';
export { startAt } from './startAt';
export { step } from './step';
export { currentInput } from './currentInput';
export { createIndex, indexOf, type FlowIndex } from './flowIndex';
export type { StartInit } from './session';
export { idleTooLong } from './session';
export { matchChoice } from './choiceMatch';
export { validateAnswer, type AnswerResult, type RejectReason } from './answers/validateAnswer';
export { defaultAfterRetriesText } from './answers/afterRetriesTexts';
export { defaultRetryText } from './answers/retryTexts';
export { parseMath, evaluateMath, mathVariables, type MathExpr } from './math';
export { isAllowedImageUrl, isAllowedLinkUrl } from './urls';
export { feedbackTexts, type FeedbackTexts } from './answers/feedbackTexts';
export * from './types';
