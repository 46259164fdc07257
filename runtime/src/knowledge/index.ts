export type { KnowledgePassage, KnowledgeQuery, KnowledgeRetriever } from './retrieval';
