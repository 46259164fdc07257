import { flowDocumentSchema, type FlowDocument } from '../../../runtime/src/schema';

/** What "New flow" gives: a start step already wired to a greeting, so Preview says something. */
export function blankFlow(input: { id: string; name: string; description?: string; locale?: string }): FlowDocument {
  const polish = input.locale?.startsWith('pl');
  return flowDocumentSchema.parse({
    schemaVersion: 1,
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
        data: { text: polish ? 'Cześć! W czym mogę pomóc?' : 'Hi! How can I help you today?' },
      },
    ],
    edges: [{ id: 'start-welcome', source: 'start', sourceHandle: 'next', target: 'welcome' }],
  });
}
