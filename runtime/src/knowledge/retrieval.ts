/**
 * The seam between the organisation's knowledge (sources, passages, the local index: api/src/knowledge)
 * and what uses it (the "Answer from knowledge" step, the knowledge page's search box). Only types:
 * the step's runner gets a `KnowledgeRetriever` injected, so it runs in tests with an in-memory one.
 */

/** One passage a question retrieved, with where it came from so an answer can cite it. */
export interface KnowledgePassage {
  /** Stable while the source is unchanged: `<sourceId>#<n>`. */
  id: string;
  sourceId: string;
  sourceTitle: string;
  /** The source's public link, shown to customers as the citation; null when it has none. */
  sourceUrl: string | null;
  text: string;
  /** Higher is more relevant; comparable only within one retrieval. */
  score: number;
}

export interface KnowledgeQuery {
  text: string;
  /** At most this many passages, best first. */
  limit: number;
  /** Only these sources; every source of the organisation when absent. */
  sourceIds?: readonly string[];
  /** Also search this flow's FAQ items (its published version's, when the chat runs it). */
  flowId?: string;
  flowVersion?: number;
}

export interface KnowledgeRetriever {
  retrieve(query: KnowledgeQuery): Promise<KnowledgePassage[]>;
}
