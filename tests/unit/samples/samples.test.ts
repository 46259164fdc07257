import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { samples } from '../../../samples';
import { CURRENT_SCHEMA_VERSION, parseFlowDocument, flowSettingsSchema, type FlowDocument } from '../../../runtime/src/schema';
import type { FlowNode } from '../../../runtime/src/schema/node';
import { validateFlow } from '../../../runtime/src/validator';
import { runTestCase, runTestSuite, testContext } from '../../../runtime/src/flowtests';
import { start, step } from '../../../runtime/src/engine';
import { outputHandles } from '../../../runtime/src/schema/node';
import { kindOf } from '../../../runtime/src/kinds';

const samplesDir = fileURLToPath(new URL('../../../samples/', import.meta.url));

/** What the runtime's record for the node's kind says it reads, or writes on any way out. */
function variablesUsed(node: FlowNode): string[] {
  const kind = kindOf(node);
  return [...kind.reads(node), ...outputHandles(node).flatMap((handle) => kind.writes(node, handle))];
}

function rectanglesOverlap(a: FlowNode, b: FlowNode): boolean {
  // Cards are 240 wide; 80 is the shortest a card is drawn.
  return Math.abs(a.position.x - b.position.x) < 240 && Math.abs(a.position.y - b.position.y) < 80;
}

describe('the sample catalogue', () => {
  it('holds the four starting flows with unique ids that match their files', () => {
    expect(samples.map((s) => s.id)).toEqual([
      'sample-ecommerce-orders-pl',
      'sample-bank-card-en',
      'sample-hotel-booking-en',
      'sample-support-hours-pl',
    ]);
    for (const s of samples) expect(`sample-${s.file.replace(/\.flow\.json$/, '')}`).toBe(s.id);
  });

  it('lists every flow file in samples/', () => {
    const files = readdirSync(samplesDir).filter((f) => f.endsWith('.flow.json'));
    expect(files.sort()).toEqual(samples.map((s) => s.file).sort());
  });
});

describe.each(samples.map((s) => [s.id, s] as const))('%s', (_id, sample) => {
  const flow: FlowDocument = sample.flow;

  it('parses from its file on disk as a document of the current schema version', () => {
    const raw = JSON.parse(readFileSync(`${samplesDir}${sample.file}`, 'utf8'));
    expect(raw.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const parsed = parseFlowDocument(raw);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(parsed.ok && parsed.flow).toEqual(flow);
  });

  it('validates with no errors, and warns only about menus that give up after their retries', () => {
    // A sample menu re-offers its options on a typo rather than jumping to an agent at once;
    // after the retries the flow's after-retries setting applies, which the warning explains.
    expect(validateFlow(flow).filter((p) => p.code !== 'retry-exit-unconnected')).toEqual([]);
    for (const p of validateFlow(flow).filter((p) => p.code === 'retry-exit-unconnected')) expect(p.handle).toBe('noMatch');
  });

  it('has a locale, a fallback text of its own, and metadata for the template picker', () => {
    expect(['pl', 'en']).toContain(flow.locale);
    expect(flow.settings.fallbackText).not.toBe(flowSettingsSchema.parse({}).fallbackText);
    expect(flow.name.length).toBeGreaterThan(5);
    expect(flow.description.length).toBeGreaterThan(40);
    expect(sample).toMatchObject({ name: flow.name, description: flow.description, locale: flow.locale });
  });

  it('declares, with a type and a description, every variable it uses', () => {
    const declared = new Map(flow.variables.map((v) => [v.name, v]));
    const used = new Set(flow.nodes.flatMap(variablesUsed));
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
    expect([...declared.keys()].filter((name) => !used.has(name))).toEqual([]);
    for (const v of flow.variables) expect(v.description?.length ?? 0).toBeGreaterThan(5);
  });

  it('has readable node ids and a left-to-right layout without overlapping cards', () => {
    for (const node of flow.nodes) expect(node.id).toMatch(/^[a-z][a-z0-9-]*$/);
    const startNode = flow.nodes.find((n) => n.type === 'start')!;
    for (const node of flow.nodes) expect(node.position.x).toBeGreaterThanOrEqual(startNode.position.x);
    for (const [i, a] of flow.nodes.entries()) {
      for (const b of flow.nodes.slice(i + 1)) expect(rectanglesOverlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    }
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    // Forward edges read left to right; jumps, not edges, carry the way back.
    for (const edge of flow.edges) expect(byId.get(edge.target)!.position.x).toBeGreaterThan(byId.get(edge.source)!.position.x);
  });

  it('links only to secure web pages, email or phone', () => {
    const urls = flow.nodes.flatMap((n) => (n.type === 'message' ? (n.data.links ?? []).map((l) => l.url) : []));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^(https:\/\/|mailto:|tel:\+)/);
  });

  it('comes with at least two scripted conversations', () => {
    expect(sample.tests.length).toBeGreaterThanOrEqual(2);
  });

  it.each(sample.tests.map((c) => [c.id, c] as const))('plays the scripted conversation "%s" through the engine', (_caseId, testCase) => {
    const result = runTestCase(flow, testCase);
    expect(result.firstDifference).toBeUndefined();
    expect(result.passed).toBe(true);
  });

  it('reaches every node in its scripted conversations', () => {
    const suite = runTestSuite(flow, sample.tests);
    expect(suite.coverage.nodes.uncovered).toEqual([]);
    expect(suite.coverage.ratio).toBeGreaterThan(0.9);
  });

  it('is checked for real: a disconnected branch is reported, and a changed text fails a conversation', () => {
    const broken = structuredClone(flow);
    broken.edges = broken.edges.slice(1);
    expect(validateFlow(broken).length).toBeGreaterThan(0);

    const reworded = structuredClone(flow);
    const welcome = reworded.nodes.find((n) => n.id === 'welcome');
    if (welcome?.type !== 'message') throw new Error('every sample greets in a "welcome" message');
    welcome.data.text += ' (changed)';
    expect(sample.tests.every((c) => !runTestCase(reworded, c).passed)).toBe(true);
  });
});

describe('sample specifics', () => {
  const byId = (id: string) => samples.find((s) => s.id === id)!;

  it('bank: a stolen card reaches the security queue with high priority', () => {
    const flow = byId('sample-bank-card-en').flow;
    const ctx = testContext({});
    const first = start(flow, ctx, { sessionId: 's', flowVersion: null });
    const r = step(flow, first.session, { type: 'option', optionId: 'opt-stolen' }, ctx);
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'handoff', queue: 'card-security', priority: 'high' }));
    expect(r.outputs).toContainEqual(
      expect.objectContaining({ type: 'links', links: [{ label: 'Block your card', url: 'https://www.northbank.example.com/cards/block' }] }),
    );
  });

  it('e-commerce: the agent note carries the reason and the order number', () => {
    const flow = byId('sample-ecommerce-orders-pl').flow;
    const ctx = testContext({});
    let r = start(flow, ctx, { sessionId: 's', flowVersion: null });
    for (const text of ['zwrot', 'PL-123456', 'uszkodzony']) r = step(flow, r.session, { type: 'text', text }, ctx);
    expect(r.effects).toContainEqual(
      expect.objectContaining({
        type: 'handoff',
        queue: 'obsluga-klienta',
        note: 'Reklamacja: uszkodzony towar. Temat: Zwrot towaru. Numer zamówienia: PL-123456',
      }),
    );
  });

  it('support hours: opening hours are Warsaw working days 9–17 with holidays', () => {
    const hours = byId('sample-support-hours-pl').flow.settings.businessHours;
    expect(hours).toMatchObject({ enabled: true, timezone: 'Europe/Warsaw' });
    expect(hours.weekly.map((r) => `${r.day} ${r.open}-${r.close}`)).toEqual([
      'mon 09:00-17:00',
      'tue 09:00-17:00',
      'wed 09:00-17:00',
      'thu 09:00-17:00',
      'fri 09:00-17:00',
    ]);
    expect(hours.holidays.length).toBeGreaterThanOrEqual(2);
  });

  it('support hours: the same conversation is handed to an agent at 16:59 in summer and goes offline at 17:00', () => {
    const sample = byId('sample-support-hours-pl');
    const at = (now: string) => {
      const ctx = testContext({ now });
      const first = start(sample.flow, ctx, { sessionId: 's', flowVersion: null });
      return step(sample.flow, first.session, { type: 'option', optionId: 'opt-agent' }, ctx).session.status;
    };
    // Summer time: Warsaw is UTC+2, so 14:59Z is 16:59 local.
    expect(at('2026-07-01T14:59:00Z')).toBe('handedOff');
    expect(at('2026-07-01T15:00:00Z')).toBe('waiting');
  });
});
