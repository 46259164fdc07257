import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_AUTOMATIC_STEPS, currentInput, start, step } from '../../../runtime/src/engine';
import type { EngineContext, StepResult } from '../../../runtime/src/engine/types';
import type { FlowDocument } from '../../../runtime/src/schema';
import { NOW, seeded } from './helpers';
import { flowArb, turnArb } from './arbitraries';
import { KINDS } from '../../../runtime/src/kinds';

const STATUSES = ['active', 'waiting', 'handedOff', 'completed', 'expired'];

function ctxFor(now: number, agents: boolean): EngineContext {
  return { now: () => now, random: seeded(7), agentsAvailable: () => agents };
}

function checkResult(flow: FlowDocument, r: StepResult): void {
  const entered = r.effects.filter((e) => e.type === 'event' && e.event.name === 'nodeEntered').length;
  expect(entered).toBeLessThanOrEqual(MAX_AUTOMATIC_STEPS);
  const s = r.session;
  expect(STATUSES).toContain(s.status);
  // A turn always ends parked somewhere a customer can act, or finished.
  expect(s.status).not.toBe('active');
  if (s.status === 'waiting') {
    const node = flow.nodes.find((n) => n.id === s.nodeId);
    // It waits where the customer is asked something, or for the result of an HTTP request.
    expect(node !== undefined && (KINDS[node.type].answer !== null || node.type === 'httpRequest')).toBe(true);
  }
  // A question or choice that gave up hands off from where it stands.
  if (s.status === 'handedOff') expect(['handoff', 'question', 'choice']).toContain(flow.nodes.find((n) => n.id === s.nodeId)?.type);
  if (s.status === 'completed') expect(s.nodeId).toBeNull();
  expect(r.input).toEqual(currentInput(flow, s));
  expect(JSON.stringify(r)).not.toContain('undefined');
}

describe('engine properties', () => {
  it('random valid flows never throw and every turn ends within the step bound', () => {
    fc.assert(
      fc.property(flowArb, fc.array(turnArb, { maxLength: 12 }), (flow, turns) => {
        let now = NOW;
        let r = start(flow, ctxFor(now, true), { sessionId: 's', flowVersion: 1 });
        checkResult(flow, r);
        for (const t of turns) {
          now += t.minutes * 60_000;
          const before = r.session.turn;
          r = step(flow, r.session, t.input, ctxFor(now, t.agents));
          checkResult(flow, r);
          expect(r.session.turn).toBe(before + 1);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('a session survives a JSON round-trip losslessly and continues identically', () => {
    fc.assert(
      fc.property(flowArb, fc.array(turnArb, { minLength: 1, maxLength: 10 }), (flow, turns) => {
        let now = NOW;
        let session = start(flow, ctxFor(now, true), { sessionId: 's', flowVersion: 3 }).session;
        for (const t of turns) {
          const copy = JSON.parse(JSON.stringify(session));
          expect(copy).toStrictEqual(session);
          now += t.minutes * 60_000;
          const direct = step(flow, session, t.input, ctxFor(now, t.agents));
          const restored = step(flow, copy, t.input, ctxFor(now, t.agents));
          expect(restored).toStrictEqual(direct);
          session = direct.session;
        }
      }),
      { numRuns: 120 },
    );
  }, 60_000);
});
