export type { KnowledgePassage, KnowledgeQuery, KnowledgeRetriever } from './retrieval';
export type { LanguageModel, ModelAnswer, ModelFailureReason, ModelMessage, ModelRequest, ModelResult } from './languageModel';
export { answerFromKnowledge, sourceLinks, type KnowledgeAnswerDeps, type KnowledgeAnswerResult, type KnowledgeAnswerTrace } from './answerFromKnowledge';
export { checkAnswer, citations, echoesInstructions, visibleDraft, type NoAnswerReason } from './answerCheck';
export { buildPrompt, instructionLines, neutralizeDelimiters, NO_ANSWER_TOKEN } from './prompt';
export { maskForModel } from './maskForModel';
