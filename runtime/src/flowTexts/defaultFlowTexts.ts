import type { FlowDocument } from '../schema';

/** The texts a new flow starts with, per language the editor speaks. */
export interface DefaultFlowTexts {
  /** The first message of a blank flow. */
  greeting: string;
  /** settings.fallbackText */
  fallback: string;
  /** settings.handoff.offlineText */
  offline: string;
  /** A new satisfaction step's rating question. */
  satisfaction: string;
}

const EN: DefaultFlowTexts = {
  greeting: 'Hi! How can I help you today?',
  fallback: "Sorry, I didn't get that.",
  offline: "Our team isn't available right now. Please try again during opening hours.",
  satisfaction: 'How did we do?',
};

const PL: DefaultFlowTexts = {
  greeting: 'Dzień dobry! W czym mogę pomóc?',
  fallback: 'Przepraszam, nie zrozumiałem.',
  offline: 'Nasz zespół jest teraz niedostępny. Spróbuj ponownie w godzinach pracy.',
  satisfaction: 'Jak oceniasz tę rozmowę?',
};

const isPolish = (locale: string) => locale === 'pl' || locale.toLowerCase().startsWith('pl-');

/** Retry texts follow the flow's language at run time (engine/answers/retryTexts.ts). */
export function defaultFlowTexts(locale: string): DefaultFlowTexts {
  return isPolish(locale) ? PL : EN;
}

/** One text that still reads exactly as the old language's default, with the new one. */
export interface DefaultTextChange {
  /** Where it is, for the editor to apply: a node's `text`, or a settings field. */
  at: { kind: 'node'; nodeId: string } | { kind: 'fallback' } | { kind: 'offline' };
  from: string;
  to: string;
}

/**
 * Texts never edited since they were filled in with `fromLocale`'s defaults, and what they read
 * in `toLocale`. Only exact matches count: a text someone changed, even by a letter, is theirs.
 */
export function untouchedDefaultTexts(flow: Pick<FlowDocument, 'nodes' | 'settings'>, fromLocale: string, toLocale: string): DefaultTextChange[] {
  const from = defaultFlowTexts(fromLocale);
  const to = defaultFlowTexts(toLocale);
  if (from === to) return [];
  const changes: DefaultTextChange[] = [];
  if (flow.settings.fallbackText === from.fallback) changes.push({ at: { kind: 'fallback' }, from: from.fallback, to: to.fallback });
  if (flow.settings.handoff.offlineText === from.offline) changes.push({ at: { kind: 'offline' }, from: from.offline, to: to.offline });
  for (const node of flow.nodes) {
    if (node.type === 'message' && node.data.text === from.greeting) changes.push({ at: { kind: 'node', nodeId: node.id }, from: from.greeting, to: to.greeting });
    if (node.type === 'satisfaction' && node.data.text === from.satisfaction) {
      changes.push({ at: { kind: 'node', nodeId: node.id }, from: from.satisfaction, to: to.satisfaction });
    }
  }
  return changes;
}
