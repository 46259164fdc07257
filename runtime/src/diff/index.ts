export { diffFlows } from './flowDiff';
export { summarize } from './summarize';
export { phraseAdditions, type PhraseAddition } from './phraseAdditions';
export { diffWords, tokenize, type TextDiffOp, type TextDiffPart } from './textDiff';
export { textFields } from './textFields';
export type { DiffSummary, FlowDiff, NodeChange, NodeMove, TextChange, ValueChange, VariableChange } from './types';
