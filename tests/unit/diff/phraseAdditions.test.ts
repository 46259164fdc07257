import { describe, expect, it } from 'vitest';
import { diffFlows, phraseAdditions } from '../../../runtime/src/diff';
import { flowDocumentSchema, type FlowDocument, type FlowNode } from '../../../runtime/src/schema';
import { reviewFlow } from '../../api/support/reviewFlow';

const live = (): FlowDocument => flowDocumentSchema.parse(reviewFlow());

function edit(flow: FlowDocument, id: string, change: (node: FlowNode) => FlowNode): FlowDocument {
  return { ...flow, nodes: flow.nodes.map((n) => (n.id === id ? change(structuredClone(n)) : n)) };
}

describe('phraseAdditions', () => {
  it('lists the example phrases, FAQ questions and synonyms a draft adds, per entry', () => {
    let draft = edit(live(), 'understand', (n) => {
      if (n.type === 'intent') n.data.intents[0]!.examples.push('gdzie jest moja paczka', 'paczka?');
      return n;
    });
    draft = edit(draft, 'faq', (n) => {
      if (n.type === 'faq') n.data.items[1]!.variants!.push('zwrot towaru');
      return n;
    });
    draft = edit(draft, 'menu', (n) => {
      if (n.type === 'choice') n.data.options[0]!.synonyms = ['oddać'];
      return n;
    });
    expect(phraseAdditions(diffFlows(live(), draft))).toEqual([
      { nodeId: 'understand', kind: 'intent', entryId: 'track', entryLabel: 'track order', phrases: ['gdzie jest moja paczka', 'paczka?'] },
      { nodeId: 'faq', kind: 'faq', entryId: 'returns', entryLabel: 'How do I return an item?', phrases: ['zwrot towaru'] },
      { nodeId: 'menu', kind: 'choice', entryId: 'opt-returns', entryLabel: 'Returns', phrases: ['oddać'] },
    ]);
  });

  it('counts a new entry’s phrases but not a new FAQ item’s own question, and no removals', () => {
    const draft = edit(live(), 'understand', (n) => {
      if (n.type === 'intent') {
        n.data.intents[1]!.examples = n.data.intents[1]!.examples.slice(1);
        n.data.intents.push({ id: 'refund', name: 'refund', examples: ['money back'] });
      }
      return n;
    });
    const withItem = edit(draft, 'faq', (n) => {
      if (n.type === 'faq') n.data.items.push({ id: 'hours', question: 'When are you open?', variants: ['opening hours'], answer: '9-17' });
      return n;
    });
    expect(phraseAdditions(diffFlows(live(), withItem))).toEqual([
      { nodeId: 'understand', kind: 'intent', entryId: 'refund', entryLabel: 'refund', phrases: ['money back'] },
      { nodeId: 'faq', kind: 'faq', entryId: 'hours', entryLabel: 'When are you open?', phrases: ['opening hours'] },
    ]);
    expect(phraseAdditions(diffFlows(live(), live()))).toEqual([]);
  });
});
