import type { FlowDocument } from '../schema/flow';
import { start, step } from '../engine';
import type { EngineContext, EngineInput, Output, Session, SessionStatus, StepResult } from '../engine/types';
import type { FlowTestCase, IntentPickStub, KnowledgeStub, TestInput } from './schema';
import { compareTexts, compareVariables, type TestDifference } from './compare';
import { VisitRecorder, type Visited } from './visited';
import { seededRandom } from '../util/seededRandom';

/**
 * The clock when a case gives none: a Monday late morning in Central Europe, inside the
 * business hours most teams set, so a case without `now` behaves like a normal working day.
 */
export const DEFAULT_TEST_NOW = '2026-03-02T10:00:00.000Z';
export const TEST_RANDOM_SEED = 20260302;
/** The session id every run uses, so that two runs of one case are identical. */
export const TEST_SESSION_ID = 'flow-test';

export interface TranscriptTurn {
  step: number;
  input: TestInput | null;
  expected: string[];
  /** The bot's texts, the part compared with `expected`. */
  actual: string[];
  /** Everything the customer saw, images and link buttons included. */
  outputs: Output[];
  status: SessionStatus;
  nodeId: string | null;
}

export interface TestRunResult {
  passed: boolean;
  firstDifference?: TestDifference;
  transcript: TranscriptTurn[];
  visited: Visited;
  /** The session after the last step that ran. */
  session: Session | null;
}

export function testContext(testCase: Pick<FlowTestCase, 'now' | 'agentsAvailable'>): EngineContext {
  const now = Date.parse(testCase.now ?? DEFAULT_TEST_NOW);
  const agents = testCase.agentsAvailable ?? true;
  return { now: () => now, random: seededRandom(TEST_RANDOM_SEED), agentsAvailable: () => agents };
}

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Plays a test case through the engine and compares what the bot says. Pure: a fixed clock,
 * a seeded random source and no I/O, so a case gives the same answer in the editor, the API
 * and CI. The whole case runs even after a difference, so the transcript shows where the
 * conversation went instead.
 */
export function runTestCase(flow: FlowDocument, testCase: FlowTestCase): TestRunResult {
  const ctx = testContext(testCase);
  const recorder = new VisitRecorder();
  const transcript: TranscriptTurn[] = [];
  let session: Session | null = null;
  let firstDifference: TestDifference | undefined;
  const stubs = { knowledge: [...(testCase.knowledgeAnswers ?? [])], picks: [...(testCase.intentPicks ?? [])] };

  for (const [i, testStep] of testCase.steps.entries()) {
    let result: StepResult;
    try {
      result = answerKnowledge(flow, advance(flow, session, testStep.input, ctx, testCase), ctx, stubs);
    } catch (err) {
      firstDifference ??= { kind: 'error', step: i, expected: null, actual: describeError(err) };
      break;
    }
    recorder.recordTurn(result.effects);
    session = result.session;
    const actual = result.outputs.flatMap((o) => (o.type === 'text' ? [o.text] : []));
    transcript.push({
      step: i,
      input: testStep.input,
      expected: testStep.expect,
      actual,
      outputs: result.outputs,
      status: session.status,
      nodeId: session.nodeId,
    });
    firstDifference ??= compareTexts(i, testStep.expect, actual) ?? undefined;
  }

  if (!firstDifference && session) {
    const last = transcript.length - 1;
    if (testCase.expectStatus !== undefined && session.status !== testCase.expectStatus) {
      firstDifference = { kind: 'status', step: last, expected: testCase.expectStatus, actual: session.status };
    } else if (testCase.expectVariables) {
      firstDifference = compareVariables(last, testCase.expectVariables, session.variables) ?? undefined;
    }
  }

  const result: TestRunResult = { passed: firstDifference === undefined, transcript, visited: recorder.result(), session };
  if (firstDifference) result.firstDifference = firstDifference;
  return result;
}

/**
 * Settles the turn's "Answer from knowledge" steps and intent tie-breaks with the case's stubbed
 * answers and picks, as the server settles them with the model, merging what followed into the same turn.
 */
function answerKnowledge(flow: FlowDocument, first: StepResult, ctx: EngineContext, stubs: { knowledge: KnowledgeStub[]; picks: IntentPickStub[] }): StepResult {
  let merged = first;
  for (let guard = 0; guard < 20; guard++) {
    const waitKind = merged.session.status === 'waiting' ? merged.session.wait?.kind : undefined;
    const effect = waitKind === 'knowledge' || waitKind === 'intentPick' ? merged.effects.findLast((e) => e.type === waitKind) : undefined;
    if (!effect || (effect.type !== 'knowledge' && effect.type !== 'intentPick')) return merged;
    const input: EngineInput =
      effect.type === 'knowledge'
        ? { type: 'knowledgeResult', nodeId: effect.nodeId, ...(stubs.knowledge.shift() ?? { outcome: 'error' as const, reason: 'notStubbed' }) }
        : { type: 'intentPickResult', nodeId: effect.nodeId, ...(stubs.picks.shift() ?? { pick: null, reason: 'notStubbed' }) };
    const next = step(flow, merged.session, input, ctx);
    merged = { session: next.session, input: next.input, outputs: [...merged.outputs, ...next.outputs], effects: [...merged.effects.filter((e) => e !== effect), ...next.effects] };
  }
  return merged;
}

function advance(
  flow: FlowDocument,
  session: Session | null,
  input: EngineInput | null,
  ctx: EngineContext,
  testCase: FlowTestCase,
): StepResult {
  if (session === null) {
    // The schema makes only the first step's input null; a later null would be a caller bug.
    if (input !== null) throw new Error('A test case must begin with a start step (input null)');
    const init = { sessionId: TEST_SESSION_ID, flowVersion: null, ...(testCase.variables ? { variables: testCase.variables } : {}) };
    return start(flow, ctx, init);
  }
  if (input === null) throw new Error('Only the first step of a test case may have input null');
  return step(flow, session, input, ctx);
}
