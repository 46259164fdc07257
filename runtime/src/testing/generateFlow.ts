import { CURRENT_SCHEMA_VERSION } from '../schema/migrations';
import { flowSettingsSchema } from '../schema/settings';
import type { FlowDocument } from '../schema/flow';
import type { FlowEdge } from '../schema/edge';
import type { FlowNode } from '../schema/node';
import type { VariableDefinition } from '../schema/common';
import type { InputKind } from '../schema/nodes/question';
import { seededRandom } from '../util/seededRandom';

interface OpenOutput {
  source: string;
  handle: string;
  /** Variables every path to here has set, so text after this point may use them. */
  known: readonly string[];
  depth: number;
}

type BodyKind = 'message' | 'question' | 'choice' | 'condition' | 'set' | 'handoff' | 'jump' | 'end' | LaterKind;
/** Kinds added after the benches' figures were first recorded; see `laterKind`. */
type LaterKind = 'intent' | 'faq' | 'httpRequest' | 'satisfaction' | 'knowledgeAnswer';
const LATER_KINDS: readonly LaterKind[] = ['intent', 'faq', 'httpRequest', 'satisfaction', 'knowledgeAnswer'];
/** Share of non-terminal steps that become one of the later kinds. */
const LATER_SHARE = 0.12;

const WEIGHTS: readonly [BodyKind, number][] = [
  ['message', 26],
  ['question', 16],
  ['choice', 14],
  ['condition', 10],
  ['set', 10],
  ['handoff', 6],
  ['jump', 8],
  ['end', 10],
];
const TERMINAL: ReadonlySet<BodyKind> = new Set(['jump', 'end']);

const QUESTIONS: readonly { variable: string; inputKind: InputKind; text: string; pattern?: string }[] = [
  { variable: 'orderNumber', inputKind: 'text', text: 'What is your order number?', pattern: '[A-Z]{2}[0-9]{6}' },
  { variable: 'email', inputKind: 'email', text: 'What email address should we use?' },
  { variable: 'quantity', inputKind: 'number', text: 'How many items is it about?' },
  { variable: 'phone', inputKind: 'phone', text: 'What phone number can we call you on?' },
  { variable: 'preferredDate', inputKind: 'date', text: 'Which date suits you?' },
  { variable: 'confirmed', inputKind: 'yesNo', text: 'Shall I go ahead?' },
];
const OPTION_LABELS = [
  'Order status',
  'Returns',
  'Delivery times',
  'Payment problems',
  'Change my address',
  'Opening hours',
  'Talk to a person',
  'Invoices',
  'Warranty',
  'Gift cards',
];
const QUEUES = ['support', 'billing', 'returns'];
const INTENTS: readonly { name: string; examples: readonly string[] }[] = [
  { name: 'Track order', examples: ['where is my order', 'track my parcel', 'has my package shipped'] },
  { name: 'Return item', examples: ['I want to return this', 'how do I send it back', 'refund please'] },
  { name: 'Opening hours', examples: ['when are you open', 'opening hours', 'are you open on sunday'] },
  { name: 'Talk to a person', examples: ['can I talk to someone', 'human please', 'connect me to an agent'] },
];
const FAQ_ITEMS: readonly { question: string; variants: readonly string[]; answer: string }[] = [
  { question: 'How long does delivery take?', variants: ['delivery time', 'when will it arrive'], answer: 'Delivery takes 2 to 4 working days.' },
  { question: 'Can I pay by card?', variants: ['payment methods', 'do you take visa'], answer: 'Yes, we take all major cards and BLIK.' },
  { question: 'How do I change my address?', variants: ['new address', 'wrong address'], answer: 'Open your account and edit the address there.' },
  { question: 'Do you ship abroad?', variants: ['international shipping', 'deliver to germany'], answer: 'We ship to every EU country.' },
];

const DECLARED: readonly VariableDefinition[] = [
  { name: 'visits', type: 'number', default: 0, description: 'Times the customer went through a counted step' },
  { name: 'vip', type: 'boolean', default: false },
  { name: 'topic', type: 'string', default: '' },
  ...QUESTIONS.map(
    (q): VariableDefinition => ({
      name: q.variable,
      type: q.inputKind === 'number' ? 'number' : q.inputKind === 'date' ? 'date' : q.inputKind === 'yesNo' ? 'boolean' : 'string',
    }),
  ),
];

/**
 * A realistic, valid flow of exactly `nodeCount` nodes for benchmarks and editor performance
 * tests: a main menu, then a breadth-first tree of every kind with all outputs connected,
 * jumps back to the menu, and variables used only after they are asked for. It validates with
 * no problems at all.
 */
export function generateFlow(nodeCount: number, seed = 1): FlowDocument {
  if (!Number.isInteger(nodeCount) || nodeCount < 2) {
    throw new RangeError('generateFlow needs at least 2 nodes (a start and an end)');
  }
  const random = seededRandom(seed);
  // The later kinds draw from their own stream, so a flow stays identical to what earlier versions
  // generated for the same seed up to its first later-kind step (benches compare like with like).
  const laterRandom = seededRandom(seed ^ 0x5bd1e995);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const rowsAtDepth: number[] = [];
  const position = (depth: number) => {
    const row = rowsAtDepth[depth] ?? 0;
    rowsAtDepth[depth] = row + 1;
    return { x: depth * 320, y: row * 160 };
  };
  const connect = (source: string, handle: string, target: string) => {
    edges.push({ id: `e${edges.length + 1}`, source, sourceHandle: handle, target });
  };

  nodes.push({ id: 'start', type: 'start', position: position(0), data: { label: 'Website chat' } });
  const open: OpenOutput[] = [{ source: 'start', handle: 'next', known: [], depth: 0 }];
  let head = 0;
  let menuId: string | null = null;
  const budget = nodeCount - 2;

  for (let made = 0; made < budget; made++) {
    const from = open[head++]!;
    const id = `n${made + 1}`;
    const depth = from.depth + 1;
    const lastOpen = head === open.length;
    const drawn: BodyKind = menuId === null ? 'choice' : chooseKind(random, lastOpen);
    const kind: BodyKind = menuId !== null && !TERMINAL.has(drawn) ? (laterKind(laterRandom) ?? drawn) : drawn;
    const next = (handle: string, known = from.known) => open.push({ source: id, handle, known, depth });
    connect(from.source, from.handle, id);

    switch (kind) {
      case 'message': {
        const known = from.known;
        const name = known.length > 0 ? pick(known) : null;
        const withLink = random() < 0.25;
        nodes.push({
          id,
          type: 'message',
          position: position(depth),
          data: {
            text: name ? `Thanks! I have noted {{${name}}}.` : pick(['Happy to help with that.', 'Let me check that for you.', 'Here is what I found.']),
            ...(withLink ? { links: [{ label: 'Help centre', url: `https://shop.example.com/help/${id}` }] } : {}),
            ...(random() < 0.1 ? { image: { url: `https://cdn.example.com/${id}.png`, alt: 'Illustration' } } : {}),
          },
        });
        next('next');
        break;
      }
      case 'question': {
        const q = pick(QUESTIONS);
        nodes.push({
          id,
          type: 'question',
          position: position(depth),
          data: {
            text: q.text,
            variable: q.variable,
            inputKind: q.inputKind,
            ...(q.pattern ? { pattern: q.pattern, retryText: 'That does not look right, please try again.' } : {}),
            maxRetries: 2,
          },
        });
        next('next', from.known.includes(q.variable) ? from.known : [...from.known, q.variable]);
        next('invalid');
        break;
      }
      case 'choice': {
        const labels = shuffled(OPTION_LABELS, random).slice(0, 3);
        const options = labels.map((label, i) => ({ id: `${id}-o${i + 1}`, label }));
        nodes.push({
          id,
          type: 'choice',
          position: position(depth),
          data: { text: menuId === null ? 'How can I help you today?' : 'Which of these is it about?', options, variable: 'topic' },
        });
        menuId ??= id;
        for (const option of options) next(option.id);
        // Typed text that matches nothing asks the same question again, as users expect.
        connect(id, 'noMatch', id);
        break;
      }
      case 'condition': {
        const numeric = from.known.includes('quantity');
        nodes.push({
          id,
          type: 'condition',
          position: position(depth),
          data: {
            branches: [
              numeric
                ? { id: `${id}-b1`, label: 'Bulk order', match: 'all', rules: [{ variable: 'quantity', op: 'gte', value: 10 }] }
                : { id: `${id}-b1`, label: 'VIP', match: 'all', rules: [{ variable: 'vip', op: 'equals', value: true }] },
              {
                id: `${id}-b2`,
                label: 'Returning',
                match: 'any',
                rules: [
                  { variable: 'visits', op: 'gt', value: 2 },
                  { variable: 'email', op: 'isSet' },
                ],
              },
            ],
          },
        });
        next(`${id}-b1`);
        next(`${id}-b2`);
        next('else');
        break;
      }
      case 'set': {
        nodes.push({
          id,
          type: 'set',
          position: position(depth),
          data: {
            assignments: [
              { variable: 'visits', value: '{{visits}} + 1', mode: 'math' },
              { variable: 'vip', value: random() < 0.5 },
            ],
          },
        });
        next('next');
        break;
      }
      case 'handoff': {
        nodes.push({
          id,
          type: 'handoff',
          position: position(depth),
          data: {
            text: 'I am passing you to a colleague, one moment please.',
            queue: pick(QUEUES),
            priority: pick(['low', 'normal', 'high'] as const),
            note: from.known.includes('email') ? 'Customer email: {{email}}' : 'Customer asked for a person.',
          },
        });
        next('resolved');
        next('offline');
        break;
      }
      case 'intent': {
        const intents = shuffled(INTENTS, laterRandom).slice(0, 2);
        nodes.push({
          id,
          type: 'intent',
          position: position(depth),
          data: {
            text: 'Tell me in a few words what you need.',
            intents: intents.map((intent, i) => ({ id: `${id}-i${i + 1}`, name: intent.name, examples: [...intent.examples] })),
            intentVariable: 'topic',
          },
        });
        intents.forEach((_, i) => next(`${id}-i${i + 1}`));
        next('fallback');
        break;
      }
      case 'faq': {
        nodes.push({
          id,
          type: 'faq',
          position: position(depth),
          data: {
            text: 'What would you like to know?',
            items: shuffled(FAQ_ITEMS, laterRandom)
              .slice(0, 3)
              .map((item, i) => ({ id: `${id}-q${i + 1}`, question: item.question, variants: [...item.variants], answer: item.answer })),
            askHelpful: laterRandom() < 0.5,
          },
        });
        next('answered');
        next('fallback');
        break;
      }
      case 'httpRequest': {
        const known = from.known.includes('orderNumber');
        nodes.push({
          id,
          type: 'httpRequest',
          position: position(depth),
          data: {
            method: 'GET',
            url: known ? 'https://shop.example.com/api/orders/{{orderNumber}}' : 'https://shop.example.com/api/status',
            headers: [{ name: 'Accept', value: 'application/json' }],
            responseMapping: [{ path: '$.status', variable: 'topic' }],
            errorVariable: 'topic',
          },
        });
        next('success');
        next('error');
        break;
      }
      case 'satisfaction': {
        nodes.push({
          id,
          type: 'satisfaction',
          position: position(depth),
          data: { text: 'How did we do?', askComment: laterRandom() < 0.5 },
        });
        next('next');
        break;
      }
      case 'knowledgeAnswer': {
        nodes.push({
          id,
          type: 'knowledgeAnswer',
          position: position(depth),
          data: { text: 'Ask me anything about our shop.', tone: 'Friendly and brief', askHelpful: laterRandom() < 0.5 },
        });
        next('answered');
        next('noAnswer');
        next('error');
        break;
      }
      case 'jump':
        nodes.push({ id, type: 'jump', position: position(depth), data: { target: menuId! } });
        break;
      case 'end':
        nodes.push({ id, type: 'end', position: position(depth), data: { text: 'Thanks for chatting with us!' } });
        break;
    }
  }

  const endId = `n${budget + 1}`;
  nodes.push({ id: endId, type: 'end', position: position(rowsAtDepth.length), data: { text: 'Goodbye!' } });
  for (let i = head; i < open.length; i++) connect(open[i]!.source, open[i]!.handle, endId);

  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: `generated-${nodeCount}-${seed}`,
    name: `Generated flow (${nodeCount} nodes)`,
    description: 'Synthetic flow for performance tests.',
    locale: 'en',
    variables: [...DECLARED],
    settings: flowSettingsSchema.parse({}),
    nodes,
    edges,
  };
}

function laterKind(random: () => number): LaterKind | null {
  if (random() >= LATER_SHARE) return null;
  return LATER_KINDS[Math.floor(random() * LATER_KINDS.length)]!;
}

function chooseKind(random: () => number, lastOpen: boolean): BodyKind {
  // The last open output must not be closed while nodes remain to be placed.
  const usable = lastOpen ? WEIGHTS.filter(([k]) => !TERMINAL.has(k)) : WEIGHTS;
  let roll = random() * usable.reduce((sum, [, w]) => sum + w, 0);
  for (const [kind, weight] of usable) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return usable[usable.length - 1]![0];
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
