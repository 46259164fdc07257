import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { flowDocumentSchema, type FlowDocument, type FlowNode } from '../../../runtime/src/schema';
import { initI18n } from '../../../editor/src/i18n';
import { useEditorStore } from '../../../editor/src/flow-editor/store';

export const store = () => useEditorStore.getState();

type DataOf<T extends FlowNode['type']> = Extract<FlowNode, { type: T }>['data'];

export function dataOf<T extends FlowNode['type']>(id: string, _kind?: T): DataOf<T> {
  const node = store().nodeById.get(id);
  if (!node) throw new Error(`no node ${id}`);
  const data: unknown = node.data;
  return data as DataOf<T>;
}

const p = { x: 0, y: 0 };

/** One node of every kind, with variables declared and captured, for the inspector forms. */
export function everyKindDoc(): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: 2,
    id: 'flow-kinds',
    name: 'Every kind',
    variables: [
      { name: 'customerName', type: 'string', description: 'Full name' },
      { name: 'orderTotal', type: 'number' },
    ],
    settings: { handoff: { defaultQueue: 'support' } },
    nodes: [
      { id: 'start', type: 'start', position: p, data: { label: 'Entry' } },
      {
        id: 'msg',
        type: 'message',
        position: p,
        data: { text: 'Hello {{customerName}}', links: [{ label: 'Shop', url: 'https://shop.example.com' }] },
      },
      { id: 'ask', type: 'question', position: p, data: { text: 'Your email?', variable: 'email', inputKind: 'email' } },
      {
        id: 'pick',
        type: 'choice',
        position: p,
        data: {
          text: 'What do you need?',
          options: [
            { id: 'card', label: 'Card', synonyms: ['credit card'] },
            { id: 'loan', label: 'Loan' },
            { id: 'other', label: 'Other' },
          ],
        },
      },
      {
        id: 'cond',
        type: 'condition',
        position: p,
        data: { branches: [{ id: 'big', label: 'Big order', match: 'all', rules: [{ variable: 'orderTotal', op: 'gt', value: 100 }] }] },
      },
      { id: 'set', type: 'set', position: p, data: { assignments: [{ variable: 'attempts', value: '{{attempts}} + 1', mode: 'math' }] } },
      { id: 'agent', type: 'handoff', position: p, data: { text: 'Connecting you', queue: 'billing', priority: 'high' } },
      { id: 'agent2', type: 'handoff', position: p, data: { text: 'Again', queue: 'cards' } },
      { id: 'jmp', type: 'jump', position: p, data: { target: 'msg' } },
      { id: 'bye', type: 'end', position: p, data: { text: 'Bye' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'msg' },
      { id: 'e2', source: 'pick', sourceHandle: 'card', target: 'ask' },
      { id: 'e3', source: 'pick', sourceHandle: 'loan', target: 'bye' },
      { id: 'e4', source: 'cond', sourceHandle: 'big', target: 'bye' },
    ],
  });
}

initI18n('en');

export function loadAndSelect(nodeId: string | null, doc: FlowDocument = everyKindDoc()): void {
  store().load(doc, 1);
  store().selectNode(nodeId);
}

export function renderUi(ui: ReactElement): RenderResult {
  return render(ui);
}
