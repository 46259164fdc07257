import { CURRENT_SCHEMA_VERSION, flowDocumentSchema, type FlowDocument } from '../../../runtime/src/schema';
import { defaultFlowTexts } from '../../../runtime/src/flowTexts/defaultFlowTexts';

/**
 * What "New flow" gives: a start step already wired to a greeting, so Preview says something, and
 * the greeting, fallback and offline texts in the flow's language.
 */
export function blankFlow(input: { id: string; name: string; description?: string; locale?: string }): FlowDocument {
  const texts = defaultFlowTexts(input.locale ?? 'en');
  return flowDocumentSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: input.id,
    name: input.name,
    description: input.description ?? '',
    locale: input.locale ?? 'en',
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'welcome',
        type: 'message',
        position: { x: 320, y: 0 },
        data: { text: texts.greeting },
      },
    ],
    edges: [{ id: 'start-welcome', source: 'start', sourceHandle: 'next', target: 'welcome' }],
    settings: { fallbackText: texts.fallback, handoff: { offlineText: texts.offline } },
  });
}
