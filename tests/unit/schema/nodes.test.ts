import { describe, expect, it } from 'vitest';
import { parseFlowDocument } from '../../../runtime/src/schema/flow';
import { NODE_KINDS, type NodeKind } from '../../../runtime/src/schema/node';
import { documentWith, validNodes } from './fixtures';

/** For each kind: a change that breaks it, and the path the first issue must name. */
const broken: Record<NodeKind, { change: (data: Record<string, any>) => void; path: string }> = {
  start: { change: (d) => (d.label = 42), path: 'nodes.0.data.label' },
  message: { change: (d) => (d.links[0].url = undefined), path: 'nodes.0.data.links.0.url' },
  question: { change: (d) => (d.inputKind = 'colour'), path: 'nodes.0.data.inputKind' },
  choice: { change: (d) => (d.options[1].label = ['Returns']), path: 'nodes.0.data.options.1.label' },
  condition: { change: (d) => (d.branches[0].rules[0].op = 'between'), path: 'nodes.0.data.branches.0.rules.0.op' },
  set: { change: (d) => (d.assignments[0].variable = 'not a name'), path: 'nodes.0.data.assignments.0.variable' },
  handoff: { change: (d) => (d.queue = ''), path: 'nodes.0.data.queue' },
  jump: { change: (d) => delete d.target, path: 'nodes.0.data.target' },
  end: { change: (d) => (d.text = { en: 'Bye' }), path: 'nodes.0.data.text' },
  intent: { change: (d) => (d.intents[1].examples = 'money back'), path: 'nodes.0.data.intents.1.examples' },
  faq: { change: (d) => (d.threshold = 1.5), path: 'nodes.0.data.threshold' },
  httpRequest: { change: (d) => (d.method = 'TRACE'), path: 'nodes.0.data.method' },
  satisfaction: { change: (d) => (d.askComment = 'yes'), path: 'nodes.0.data.askComment' },
  knowledgeAnswer: { change: (d) => (d.maxPassages = 50), path: 'nodes.0.data.maxPassages' },
};

describe('node kinds', () => {
  it('has a valid example and a broken case for every kind', () => {
    expect(Object.keys(validNodes).sort()).toEqual([...NODE_KINDS].sort());
    expect(Object.keys(broken).sort()).toEqual([...NODE_KINDS].sort());
  });

  describe.each(NODE_KINDS)('%s', (kind) => {
    it('parses a valid node unchanged', () => {
      const result = parseFlowDocument(documentWith([validNodes[kind]]));
      expect(result).toMatchObject({ ok: true });
      if (result.ok) expect(result.flow.nodes[0]).toEqual(validNodes[kind]);
    });

    it('rejects a bad one at the path of the bad field', () => {
      const node = structuredClone(validNodes[kind]) as { data: Record<string, unknown> };
      broken[kind].change(node.data);
      const result = parseFlowDocument(documentWith([node]));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]!.path).toBe(broken[kind].path);
    });
  });

  it('rejects an unknown node kind at its type', () => {
    const result = parseFlowDocument(documentWith([validNodes.start, { id: 'x', type: 'teleport', position: { x: 0, y: 0 }, data: {} }]));
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'nodes.1.type' }] });
  });

  it('names an unknown field in the path', () => {
    const result = parseFlowDocument(documentWith([{ ...validNodes.question, data: { ...(validNodes.question.data as object), colour: 'red' } }]));
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'nodes.0.data.colour', message: 'is not a known field' }] });
  });

  it('reports each unknown field separately', () => {
    const result = parseFlowDocument({ ...documentWith([]), foo: 1, bar: 2 });
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'foo' }, { path: 'bar' }] });
  });
});
