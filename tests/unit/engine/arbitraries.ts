import fc from 'fast-check';
import { flowDocumentSchema, outputHandles, type FlowDocument, type FlowNode } from '../../../runtime/src/schema';
import type { EngineInput } from '../../../runtime/src/engine/types';
import { KINDS as KIND_RECORD } from '../../../runtime/src/kinds';
import type { NodeKind } from '../../../runtime/src/schema/node';

type BodyKind = Exclude<NodeKind, 'start'>;
/** Every kind but start (the flow's one start is placed first), read from the runtime's kind record. */
const KINDS = (Object.keys(KIND_RECORD) as NodeKind[]).filter((kind): kind is BodyKind => kind !== 'start');
const PHRASES = ['where is my order', 'zwrot towaru', 'help', 'opening hours', '', 'status zamówienia'];
const URLS = ['https://shop.example.com/api/orders/{{a}}', 'http://127.0.0.1:1/x', 'not a url', '{{c}}'];
const TEXTS = ['', 'Hi {{a}}', 'Plain text', '{{ b }} and {{missing}}', 'Cześć {{c}}!'];
const LABELS = ['Yes', 'No', 'Zwrot towaru', 'Status zamówienia', 'Help', '1', 'Card lost'];
const VARS = ['a', 'b', 'c', 'd'];
const RULE_VALUES = ['1', 'x', '{{a}}', 5, true, '([', '2026-01-01', ''];
const SET_VALUES = [1, true, '{{a}} + 1', 'a * 2', '10 / b', 'text {{c}}', 'alert(1)', '(a + 1) % 3'];
const OPS = ['equals', 'notEquals', 'contains', 'startsWith', 'gt', 'gte', 'lt', 'lte', 'isSet', 'isEmpty', 'matches'] as const;
const INPUT_KINDS = ['text', 'number', 'digits', 'orderNumber', 'postcodePl', 'email', 'phone', 'date', 'yesNo'] as const;
const MODES = [undefined, 'template', 'literal', 'math'] as const;
export const TYPED = ['yes', 'nie', '1', '2', '12,5', 'a@example.com', '+48 600 100 200', '24.12.2026', 'zwrot', 'status', 'help me', '', 'xyz', '(['];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

const nodeSpec = fc.record({
  kind: fc.constantFrom(...KINDS),
  picks: fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 }),
  /** Per output handle, in order: the node it leads to, or null for an unconnected handle. */
  targets: fc.array(fc.option(fc.nat(), { freq: 5 }), { minLength: 6, maxLength: 6 }),
});

const edgeSpec = fc.record({ from: fc.nat(), handle: fc.nat(), to: fc.nat(), bare: fc.boolean() });

function buildNode(id: string, kind: BodyKind, p: number[], count: number): FlowNode {
  const position = { x: 0, y: 0 };
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0] = p;
  switch (kind) {
    case 'message':
      return { id, type: kind, position, data: { text: pick(TEXTS, p0), ...(p1 % 3 === 0 ? { links: [{ label: 'L', url: pick(['https://x.example', 'javascript:1', 'tel:123'], p2) }] } : {}) } };
    case 'question':
      return {
        id,
        type: kind,
        position,
        data: {
          text: pick(TEXTS, p0),
          variable: pick(VARS, p1),
          inputKind: pick(INPUT_KINDS, p2),
          ...(p3 % 4 === 0 ? { pattern: pick(['\\d+', '([', 'ye.*'], p4) } : {}),
          ...(p5 % 3 === 0 ? { maxRetries: p6 % 4 } : {}),
          ...(p7 % 5 === 0 ? { minLength: 2, maxLength: 5 } : {}),
        },
      };
    case 'choice':
      return {
        id,
        type: kind,
        position,
        data: {
          text: pick(TEXTS, p0),
          options: Array.from({ length: p1 % 4 }, (_, i) => ({ id: `${id}-o${i}`, label: pick(LABELS, p2 + i * 3), ...(i === 0 && p3 % 2 ? { synonyms: ['refund'] } : {}) })),
          ...(p4 % 2 ? { variable: pick(VARS, p5) } : {}),
        },
      };
    case 'condition':
      return {
        id,
        type: kind,
        position,
        data: {
          branches: Array.from({ length: p0 % 3 }, (_, i) => ({
            id: `${id}-b${i}`,
            label: `B${i}`,
            match: p1 % 2 ? ('all' as const) : ('any' as const),
            rules: Array.from({ length: (p2 + i) % 3 }, (_, j) => ({ variable: pick(VARS, p3 + j), op: pick(OPS, p4 + j * 5), value: pick(RULE_VALUES, p5 + j) })),
          })),
        },
      };
    case 'set':
      return {
        id,
        type: kind,
        position,
        data: {
          assignments: Array.from({ length: p0 % 3 }, (_, i) => {
            const mode = pick(MODES, p3 + i);
            return { variable: pick(VARS, p1 + i), value: pick(SET_VALUES, p2 + i), ...(mode ? { mode } : {}) };
          }),
        },
      };
    case 'handoff':
      return { id, type: kind, position, data: { text: pick(TEXTS, p0), queue: pick(['billing', 'support'], p1), note: 'n {{a}}' } };
    case 'jump':
      return { id, type: kind, position, data: { target: `n${p0 % count}` } };
    case 'end':
      return { id, type: kind, position, data: p0 % 2 ? { text: pick(TEXTS, p1) } : {} };
    case 'intent':
      return {
        id,
        type: kind,
        position,
        data: {
          ...(p0 % 2 ? { text: pick(TEXTS, p1) } : {}),
          intents: Array.from({ length: p2 % 3 }, (_, i) => ({ id: `${id}-o${i}`, name: pick(LABELS, p3 + i), examples: p4 % 5 === 0 ? [] : [pick(PHRASES, p5 + i), pick(PHRASES, p6 + i * 2)] })),
          ...(p7 % 3 === 0 ? { threshold: (p7 % 10) / 10 } : {}),
          ...(p1 % 2 ? { intentVariable: pick(VARS, p2), confidenceVariable: pick(VARS, p3) } : {}),
        },
      };
    case 'faq':
      return {
        id,
        type: kind,
        position,
        data: {
          ...(p0 % 2 ? { text: pick(TEXTS, p1) } : {}),
          items: Array.from({ length: p2 % 3 }, (_, i) => ({ id: `${id}-q${i}`, question: pick(PHRASES, p3 + i), ...(p4 % 2 ? { variants: [pick(PHRASES, p5 + i)] } : {}), answer: pick(TEXTS, p6 + i) })),
          ...(p7 % 2 ? { askHelpful: true } : {}),
        },
      };
    case 'httpRequest':
      return {
        id,
        type: kind,
        position,
        data: {
          method: pick(['GET', 'POST'] as const, p0),
          url: pick(URLS, p1),
          headers: p2 % 2 ? [{ name: 'X-Id', value: '{{a}}' }] : [],
          ...(p3 % 3 === 0 ? { body: pick(['{"id": "{{a}}"}', '{oops'], p4) } : {}),
          responseMapping: Array.from({ length: p5 % 3 }, (_, i) => ({ path: pick(['$.status', 'items[0].name', '$['], p6 + i), variable: pick(VARS, p7 + i) })),
          ...(p6 % 2 ? { errorVariable: pick(VARS, p0) } : {}),
        },
      };
    case 'satisfaction':
      return { id, type: kind, position, data: { text: pick(TEXTS, p0), ...(p1 % 2 ? { askComment: true } : {}) } };
    case 'knowledgeAnswer':
      return {
        id,
        type: kind,
        position,
        data: {
          ...(p0 % 3 === 0 ? { question: '{{a}}' } : {}),
          ...(p1 % 2 ? { text: pick(TEXTS, p2) } : {}),
          ...(p3 % 2 ? { tone: 'brief' } : {}),
          ...(p4 % 2 ? { askHelpful: true } : {}),
          ...(p5 % 2 ? { answerVariable: pick(VARS, p6) } : {}),
        },
      };
  }
}

/** Random schema-valid flows: one start, random kinds and data, random (possibly cyclic) edges. */
export const flowArb: fc.Arbitrary<FlowDocument> = fc
  .record({
    specs: fc.array(nodeSpec, { minLength: 1, maxLength: 14 }),
    edges: fc.array(edgeSpec, { maxLength: 10 }),
    timeout: fc.integer({ min: 1, max: 60 }),
    hoursEnabled: fc.boolean(),
    startBare: fc.boolean(),
    locale: fc.constantFrom('en', 'pl'),
    afterRetries: fc.constantFrom('handoff', 'end'),
  })
  .map(({ specs, edges, timeout, hoursEnabled, startBare, locale, afterRetries }) => {
    const count = specs.length + 1;
    const nodes: FlowNode[] = [{ id: 'n0', type: 'start', position: { x: 0, y: 0 }, data: {} }];
    specs.forEach((s, i) => nodes.push(buildNode(`n${i + 1}`, s.kind, s.picks, count)));
    const wired = specs.flatMap((spec, i) => {
      const source = nodes[i + 1]!;
      return outputHandles(source).flatMap((handle, h) => {
        const to = spec.targets[h];
        return to === undefined || to === null ? [] : [{ id: `w${i}-${h}`, source: source.id, sourceHandle: handle, target: `n${to % count}` }];
      });
    });
    const startEdge = { id: 'start', source: 'n0', target: 'n1', ...(startBare ? {} : { sourceHandle: 'next' }) };
    const extra = edges.flatMap((e, i) => {
      const source = nodes[e.from % count]!;
      const handles = outputHandles(source);
      if (handles.length === 0) return [];
      const handle = handles[e.handle % handles.length]!;
      const target = `n${e.to % count}`;
      return [{ id: `e${i}`, source: source.id, target, ...(e.bare && handles.length === 1 ? {} : { sourceHandle: handle }) }];
    });
    return flowDocumentSchema.parse({
      schemaVersion: 2,
      id: 'random',
      name: 'Random',
      locale,
      variables: [
        { name: 'a', type: 'number', default: 0 },
        { name: 'b', type: 'string', default: '2' },
        { name: 'c', type: 'string' },
        { name: 'd', type: 'boolean', default: false },
      ],
      settings: {
        sessionTimeoutMinutes: timeout,
        afterRetries: { action: afterRetries },
        businessHours: { enabled: hoursEnabled, timezone: 'Europe/Warsaw', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }] },
      },
      nodes,
      edges: [startEdge, ...wired, ...extra],
    });
  });

/** Random host and customer inputs; option ids are drawn from the flow's naming scheme. */
export const inputArb: fc.Arbitrary<EngineInput> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TYPED).map((text): EngineInput => ({ type: 'text', text })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }).map((text): EngineInput => ({ type: 'text', text })) },
  { weight: 4, arbitrary: fc.tuple(fc.nat(14), fc.nat(3)).map(([n, o]): EngineInput => ({ type: 'option', optionId: `n${n}-o${o}` })) },
  { weight: 1, arbitrary: fc.constant<EngineInput>({ type: 'handoffReturned' }) },
  { weight: 1, arbitrary: fc.constant<EngineInput>({ type: 'handoffUnavailable' }) },
  { weight: 1, arbitrary: fc.constant<EngineInput>({ type: 'close' }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.nat(14), fc.boolean(), fc.constantFrom<unknown>({ status: 'shipped' }, { items: [{ name: 'Mug' }] }, 'text', null))
      .map(([n, ok, json]): EngineInput => (ok ? { type: 'httpResult', nodeId: `n${n}`, ok, status: 200, json } : { type: 'httpResult', nodeId: `n${n}`, ok, errorKind: 'timeout' })),
  },
);

/** One customer turn: an input, minutes since the last one, and whether agents are free. */
export const turnArb = fc.record({
  input: inputArb,
  // Mostly quick replies, sometimes long pauses so that expiry is exercised too.
  minutes: fc.oneof({ weight: 8, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: fc.nat(90) }),
  agents: fc.boolean(),
});
