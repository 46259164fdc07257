/**
 * Engine and validator throughput. Every figure is printed beside a baseline measured in the same
 * run (a JSON round-trip of a session), because this machine is shared and noisy: the ratio is
 * the comparable number, the absolute one is context.
 */
import { start, step } from '../../runtime/src/engine';
import type { EngineContext, EngineInput, InputRequest, Session } from '../../runtime/src/engine/types';
import type { FlowDocument } from '../../runtime/src/schema';
import { validateFlow } from '../../runtime/src/validator';
import { generateFlow } from '../../runtime/src/testing/generateFlow';
import { samples } from '../../samples';

const ctx: EngineContext = { now: () => Date.UTC(2026, 10, 30, 10, 0), random: () => 0.5 };

interface Timing {
  ops: number;
  /** Wall-clock ms. */
  elapsed: number;
  /** ms this process spent on a CPU: on a shared, busy machine the truer measure of one core. */
  cpu: number;
}

function timeFor(ms: number, fn: () => number): Timing {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let ops = 0;
  while (performance.now() - t0 < ms) ops += fn();
  const c = process.cpuUsage(c0);
  return { ops, elapsed: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

const perSec = (t: Timing) => (t.ops / t.elapsed) * 1000;
const perCpuSec = (t: Timing) => (t.ops / t.cpu) * 1000;

function answerFor(input: InputRequest): EngineInput | null {
  switch (input.type) {
    case 'choice':
      return input.options[0] ? { type: 'option', optionId: input.options[0].id } : { type: 'text', text: 'x' };
    case 'text': {
      const byKind = { text: 'ORD-12345', number: '3', digits: '0012345', orderNumber: 'AB123456', postcodePl: '00-950', email: 'a@example.com', phone: '+48600100200', date: '2026-12-24', yesNo: 'yes' } as const;
      return { type: 'text', text: byKind[input.inputKind] };
    }
    case 'rating':
      return { type: 'text', text: '5' };
    case 'none':
      return null;
  }
}

/** Drives a conversation with valid answers, restarting it whenever it ends; returns turns done. */
function driveTurns(flow: FlowDocument, turns: number): number {
  let r = start(flow, ctx, { sessionId: 's', flowVersion: 1 });
  let done = 1;
  while (done < turns) {
    const input = answerFor(r.input);
    if (r.session.status === 'handedOff') {
      r = step(flow, r.session, { type: 'handoffReturned' }, ctx);
    } else if (!input) {
      r = start(flow, ctx, { sessionId: 's', flowVersion: 1 });
    } else {
      r = step(flow, r.session, input, ctx);
    }
    done++;
  }
  return done;
}

function replaySampleScripts(flow: FlowDocument, cases: EngineInput[][]): number {
  let turns = 0;
  for (const inputs of cases) {
    let session: Session = start(flow, ctx, { sessionId: 's', flowVersion: 1 }).session;
    turns++;
    for (const input of inputs) {
      session = step(flow, session, input, ctx).session;
      turns++;
    }
  }
  return turns;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeValidator(flow: FlowDocument, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    validateFlow(flow);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function run(): Promise<void> {
  const DURATION = 1500;
  const baselineSession = start(samples[0]!.flow, ctx, { sessionId: 's', flowVersion: 1 }).session;
  const baseline = timeFor(DURATION, () => {
    for (let i = 0; i < 100; i++) JSON.parse(JSON.stringify(baselineSession));
    return 100;
  });
  const baselinePerSec = perSec(baseline);
  const baselinePerCpuSec = perCpuSec(baseline);

  const rows: [string, Timing][] = [];
  for (const sample of samples) {
    const scripts = sample.tests.map((t) => t.steps.flatMap((s) => (s.input ? [s.input] : [])));
    replaySampleScripts(sample.flow, scripts); // warm-up
    const m = timeFor(DURATION, () => replaySampleScripts(sample.flow, scripts));
    rows.push([`engine turns/s, sample ${sample.id}`, m]);
  }
  const big = generateFlow(1000);
  driveTurns(big, 5000);
  const g = timeFor(DURATION, () => driveTurns(big, 1000));
  rows.push(['engine turns/s, generated 1,000-node flow', g]);

  console.log('\n== Engine (one core) ==');
  const fmt = (n: number) => Math.round(n).toLocaleString('en').padStart(12);
  console.log(`baseline JSON.parse(JSON.stringify(session)): ${fmt(baselinePerSec)}/s wall, ${fmt(baselinePerCpuSec)}/CPU-s`);
  for (const [label, t] of rows) {
    const wall = perSec(t);
    const cpu = perCpuSec(t);
    console.log(
      `${label.padEnd(58)} ${fmt(wall)}/s wall (ratio ${(wall / baselinePerSec).toFixed(2)})  ${fmt(cpu)}/CPU-s (ratio ${(cpu / baselinePerCpuSec).toFixed(2)})   target 100,000/s on one core ${cpu >= 100_000 ? 'MET' : 'MISSED'}`,
    );
  }

  console.log('\n== Validator (median of runs) ==');
  const baselineMs = 1000 / baselinePerSec;
  for (const n of [1000, 5000]) {
    const flow = generateFlow(n);
    timeValidator(flow, 3);
    const ms = timeValidator(flow, n === 1000 ? 30 : 10);
    const target = n === 1000 ? ` target < 50 ms ${ms < 50 ? 'MET' : 'MISSED'}` : '';
    console.log(`validate ${n.toLocaleString('en')}-node flow: ${ms.toFixed(2)} ms  (= ${(ms / baselineMs).toFixed(0)} session round-trips)${target}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
