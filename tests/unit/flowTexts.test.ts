import { describe, expect, it } from 'vitest';
import { defaultFlowTexts, untouchedDefaultTexts } from '../../runtime/src/flowTexts/defaultFlowTexts';
import { blankFlow } from '../../api/src/flows/blankFlow';

describe('default flow texts', () => {
  it('gives a new Polish flow Polish greeting, fallback and offline texts', () => {
    const flow = blankFlow({ id: 'f', name: 'Zamówienia', locale: 'pl' });
    const pl = defaultFlowTexts('pl');
    expect(flow.nodes.find((n) => n.id === 'welcome')?.data).toEqual({ text: pl.greeting });
    expect(flow.settings.fallbackText).toBe(pl.fallback);
    expect(flow.settings.handoff.offlineText).toBe(pl.offline);
    expect(defaultFlowTexts('pl-PL')).toBe(pl);
    expect(blankFlow({ id: 'g', name: 'Orders' }).settings.fallbackText).toBe(defaultFlowTexts('en').fallback);
  });

  it('offers to translate only texts that are exactly the old defaults', () => {
    const flow = blankFlow({ id: 'f', name: 'Orders', locale: 'en' });
    flow.settings.handoff.offlineText = "Our team isn't available right now."; // edited: left alone
    flow.nodes.push({ id: 'rate', type: 'satisfaction', position: { x: 0, y: 0 }, data: { text: 'How did we do?' } });
    const changes = untouchedDefaultTexts(flow, 'en', 'pl');
    expect(changes.map((c) => c.at)).toEqual([{ kind: 'fallback' }, { kind: 'node', nodeId: 'welcome' }, { kind: 'node', nodeId: 'rate' }]);
    expect(changes.map((c) => c.to)).toEqual([defaultFlowTexts('pl').fallback, defaultFlowTexts('pl').greeting, defaultFlowTexts('pl').satisfaction]);
    expect(untouchedDefaultTexts(flow, 'en', 'en-GB')).toEqual([]);
  });
});
