export type { KnowledgePassage, KnowledgeQuery, KnowledgeRetriever } from './retrieval';
export type { LanguageModel, ModelAnswer, ModelFailureReason, ModelMessage, ModelRequest, ModelResult } from './languageModel';
