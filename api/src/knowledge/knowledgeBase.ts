import type { Logger } from 'pino';
import type { KnowledgePassage, KnowledgeQuery, KnowledgeRetriever } from '../../../runtime/src/knowledge/retrieval';
import type { FlowStore } from '../storage/flowStore';
import type { KnowledgeStore } from '../storage/knowledgeStore';
import { FaqPassages } from './faqPassages';
import { KnowledgeIndex } from './knowledgeIndex';
import { highlightRanges } from './terms';

/** A retrieved passage with what the knowledge page shows beside it. */
export interface SearchHit extends KnowledgePassage {
  /** A knowledge source, or an FAQ item of the flow searched. */
  origin: 'source' | 'faq';
  /** [start, end) offsets in `text` of the words that matched the question. */
  highlights: [number, number][];
}

/**
 * The organisation's knowledge as the answer step and the knowledge page see it: the sources'
 * passages and, when a flow is named, that flow's FAQ items, ranked together by BM25 score.
 * Scores of the two come from separate indexes, so they are alike in scale (same formula, same
 * term rules) but not strictly comparable; within either, order is exact.
 */
export class KnowledgeBase implements KnowledgeRetriever {
  readonly index: KnowledgeIndex;
  private readonly faq: FaqPassages;

  constructor(
    private readonly store: KnowledgeStore,
    flows: FlowStore,
    logger: Logger,
  ) {
    this.index = new KnowledgeIndex(store, logger);
    this.faq = new FaqPassages(flows);
  }

  async retrieve(query: KnowledgeQuery): Promise<KnowledgePassage[]> {
    return (await this.search(query)).map(({ origin: _origin, highlights: _highlights, ...passage }) => passage);
  }

  async search(query: KnowledgeQuery): Promise<SearchHit[]> {
    const [sourceHits, faqHits] = await Promise.all([
      this.index.search(query.text, query.limit, query.sourceIds),
      query.flowId ? this.faq.search(query.text, query.limit, query.flowId, query.flowVersion) : Promise.resolve([]),
    ]);
    const listed = await this.store.list();
    this.index.reconcile(listed);
    const sources = new Map(listed.map((s) => [s.id, s]));
    const hits: SearchHit[] = [];
    for (const hit of sourceHits) {
      const source = sources.get(hit.sourceId);
      // Deleted since the search: its passages are on their way out of the index.
      if (!source) continue;
      hits.push({ ...common(hit), sourceTitle: source.title, sourceUrl: source.url, origin: 'source' });
    }
    for (const hit of faqHits) hits.push({ ...common(hit), sourceTitle: hit.sourceTitle, sourceUrl: null, origin: 'faq' });
    return hits.sort((a, b) => b.score - a.score).slice(0, query.limit);
  }
}

function common(hit: { passageId: string; sourceId: string; text: string; score: number; terms: string[] }) {
  return {
    id: hit.passageId,
    sourceId: hit.sourceId,
    text: hit.text,
    score: hit.score,
    highlights: highlightRanges(hit.text, new Set(hit.terms)),
  };
}
