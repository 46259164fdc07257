import type { KnowledgePassage, KnowledgeQuery, KnowledgeRetriever } from './retrieval';

export interface InMemorySource {
  id: string;
  title: string;
  url: string | null;
  /** One passage per entry. */
  passages: string[];
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      // Short words (you, can, the, jak, czy) say little about the topic.
      .filter((w) => w.length > 3),
  );
}

/**
 * A retriever over a fixed list of sources, scoring passages by the question's words they share.
 * For tests, flow tests and a server without a knowledge index; the real index is the knowledge
 * store's (api/src/knowledge).
 */
export class InMemoryRetriever implements KnowledgeRetriever {
  constructor(private readonly sources: readonly InMemorySource[]) {}

  async retrieve(query: KnowledgeQuery): Promise<KnowledgePassage[]> {
    const asked = words(query.text);
    const found: KnowledgePassage[] = [];
    for (const source of this.sources) {
      if (query.sourceIds && !query.sourceIds.includes(source.id)) continue;
      source.passages.forEach((text, i) => {
        let shared = 0;
        for (const w of words(text)) if (asked.has(w)) shared++;
        if (shared > 0) found.push({ id: `${source.id}#${i}`, sourceId: source.id, sourceTitle: source.title, sourceUrl: source.url, text, score: shared });
      });
    }
    return found.sort((a, b) => b.score - a.score).slice(0, query.limit);
  }
}
