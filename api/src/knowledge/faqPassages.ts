import type MiniSearch from 'minisearch';
import type { FlowDocument } from '../../../runtime/src/schema';
import type { FlowStore } from '../storage/flowStore';
import { createSearchIndex, searchIndex, type IndexHit, type IndexedPassage } from './searchIndex';

/** A flow's FAQ item as a passage: the question (and its other wordings) with the answer. */
export interface FaqPassage {
  passageId: string;
  sourceId: string;
  /** The item's question: what the answer cites. */
  title: string;
}

interface FaqIndex {
  index: MiniSearch<IndexedPassage>;
  titles: Map<string, string>;
}

/** Flow versions whose FAQ index is kept; published versions never change, so they stay valid. */
const CACHED = 32;

function faqIndexOf(flow: FlowDocument): FaqIndex {
  const index = createSearchIndex();
  const titles = new Map<string, string>();
  const docs: IndexedPassage[] = [];
  for (const node of flow.nodes) {
    if (node.type !== 'faq') continue;
    const sourceId = `faq:${flow.id}:${node.id}`;
    node.data.items.forEach((item, n) => {
      if (!item.question.trim() || !item.answer.trim()) return;
      titles.set(sourceId, flow.name);
      docs.push({
        key: docs.length + 1,
        passageId: `${sourceId}#${n}`,
        sourceId,
        heading: [item.question, ...(item.variants ?? [])].join('\n'),
        text: `${item.question}\n${item.answer}`,
        generation: 0,
      });
    });
  }
  index.addAll(docs);
  return { index, titles };
}

/**
 * The FAQ items of a flow's published version (or of its draft) searched like knowledge sources,
 * so an answer step can use what the FAQ already says. A source id is `faq:<flowId>:<nodeId>`
 * and its title the flow's name.
 */
export class FaqPassages {
  // Insertion order doubles as recency: a hit is moved to the end, the oldest evicted first.
  private readonly cache = new Map<string, FaqIndex>();

  constructor(private readonly flows: FlowStore) {}

  async search(text: string, limit: number, flowId: string, flowVersion?: number): Promise<(IndexHit & { sourceTitle: string })[]> {
    const found = await this.indexFor(flowId, flowVersion);
    if (!found) return [];
    return searchIndex(found.index, text, limit, () => true).map((hit) => ({ ...hit, sourceTitle: found.titles.get(hit.sourceId) ?? '' }));
  }

  private async indexFor(flowId: string, flowVersion?: number): Promise<FaqIndex | null> {
    let key: string;
    let flow: FlowDocument;
    if (flowVersion !== undefined) {
      key = `${flowId}@${flowVersion}`;
      const cached = this.hit(key);
      if (cached) return cached;
      const version = await this.flows.getVersion(flowId, flowVersion);
      if (!version) return null;
      flow = version.flow;
    } else {
      const stored = await this.flows.get(flowId);
      if (!stored) return null;
      // The draft changes with every save; its revision keys it.
      key = `${flowId}@draft${stored.revision}`;
      const cached = this.hit(key);
      if (cached) return cached;
      flow = stored.flow;
    }
    const built = faqIndexOf(flow);
    this.cache.set(key, built);
    if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value!);
    return built;
  }

  private hit(key: string): FaqIndex | undefined {
    const found = this.cache.get(key);
    if (found) {
      this.cache.delete(key);
      this.cache.set(key, found);
    }
    return found;
  }
}
