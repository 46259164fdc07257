import type { AnalyticsFacts, ConversationFact } from '../../../runtime/src/chat/analyticsFacts';
import type { DailyCount } from '../../../runtime/src/chat/conversationStore';
import { datesBetween, localDayOf } from './localDays';

// Every figure's definition lives here and, in the same words, in the API contract
// (api/src/contract/analytics.ts) and the README's Analytics section.

export interface Percentiles {
  /** How many durations the percentiles are taken over. */
  count: number;
  p50Ms: number | null;
  p90Ms: number | null;
}

export interface FigureInputs {
  facts: AnalyticsFacts;
  /** Local calendar days [first, last] the window covers, in `timeZone`. */
  firstDate: string;
  lastDate: string;
  timeZone: string;
  /** The flow's idle timeout: a conversation silent longer than this is no longer in progress. */
  sessionTimeoutMs: number;
  now: number;
  /** Goal nodes of the flow shown, by node id, so a goal nobody reached yet still shows 0. */
  goalNodes: ReadonlyMap<string, string>;
  /** Counts kept for conversations the retention sweep or an erasure deleted (UTC days; all versions only). */
  retained: readonly DailyCount[];
}

export type Outcome = 'contained' | 'handedOff' | 'abandoned' | 'inProgress';

/**
 * One outcome per conversation, so the four add up to the conversations started:
 * - handedOff: it asked for a human at least once (a `handedOff` or `handoffOffline` event, or a
 *   handoff on record), whatever happened after, including an agent returning it to the bot;
 * - contained: no handoff, and it ended (status completed) or expired;
 * - abandoned: no handoff, no end, and silent for longer than the flow's idle timeout;
 * - inProgress: no handoff, no end, active within the idle timeout.
 */
export function outcomeOf(c: Pick<ConversationFact, 'handedOff' | 'status' | 'updatedAt'>, now: number, sessionTimeoutMs: number): Outcome {
  if (c.handedOff) return 'handedOff';
  if (c.status === 'completed' || c.status === 'expired') return 'contained';
  return now - c.updatedAt > sessionTimeoutMs ? 'abandoned' : 'inProgress';
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p% at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function percentiles(values: number[]): Percentiles {
  const sorted = values.sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: percentile(sorted, 50), p90Ms: percentile(sorted, 90) };
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export interface DayFigures {
  date: string;
  started: number;
  contained: number;
  handedOff: number;
  abandoned: number;
  inProgress: number;
  /** Deleted conversations whose only kept outcome is "not handed off". */
  erasedOther: number;
}

export function computeFigures(input: FigureInputs) {
  const { facts, now, sessionTimeoutMs } = input;
  const dates = datesBetween(input.firstDate, input.lastDate);
  const dayOf = localDayOf(input.timeZone, dates);
  const days = new Map<string, DayFigures>();
  for (const date of dates) {
    days.set(date, { date, started: 0, contained: 0, handedOff: 0, abandoned: 0, inProgress: 0, erasedOther: 0 });
  }
  const totals = { started: 0, contained: 0, handedOff: 0, offline: 0, abandoned: 0, inProgress: 0, erasedOther: 0 };
  const goalCounts = new Map<string, number>();
  for (const id of input.goalNodes.keys()) goalCounts.set(id, 0);
  const csat = [0, 0, 0, 0, 0];
  let csatSum = 0;
  let faqYes = 0;
  let faqNo = 0;
  let unrecognised = 0;
  let customerMessages = 0;
  const queues = new Map<string, { handoffs: number; firstReply: number[]; close: number[] }>();

  for (const c of facts.conversations) {
    const outcome = outcomeOf(c, now, sessionTimeoutMs);
    totals.started++;
    totals[outcome]++;
    if (c.offline) totals.offline++;
    // The day it started: a conversation across midnight counts once, on its first day.
    const date = dayOf(c.createdAt);
    const day = date === undefined ? undefined : days.get(date);
    if (day) {
      day.started++;
      day[outcome]++;
    }
    for (const g of c.goals) goalCounts.set(g, (goalCounts.get(g) ?? 0) + 1);
    for (const r of c.csat) {
      csat[r - 1]!++;
      csatSum += r;
    }
    faqYes += c.faqYes;
    faqNo += c.faqNo;
    unrecognised += c.unrecognised;
    customerMessages += c.customerMessages;
    if (c.handoffRequestedAt !== null && c.queue !== null) {
      let q = queues.get(c.queue);
      if (!q) {
        q = { handoffs: 0, firstReply: [], close: [] };
        queues.set(c.queue, q);
      }
      q.handoffs++;
      if (c.firstAgentReplyAt !== null) q.firstReply.push(c.firstAgentReplyAt - c.handoffRequestedAt);
      if (c.handoffClosedAt !== null) q.close.push(c.handoffClosedAt - c.handoffRequestedAt);
    }
  }

  // Deleted conversations: only "started", "handed off" and event counts survive, per UTC day.
  const retained = { started: 0, handedOff: 0, unrecognised: 0 };
  for (const r of input.retained) {
    if (r.day < input.firstDate || r.day > input.lastDate) continue;
    const day = days.get(r.day);
    if (r.metric === 'conversations.started') retained.started += r.count;
    else if (r.metric === 'conversations.handedOff') retained.handedOff += r.count;
    else if (r.metric === 'events.fallback') retained.unrecognised += r.count;
    else continue;
    if (day && r.metric === 'conversations.started') day.started += r.count;
    if (day && r.metric === 'conversations.handedOff') day.handedOff += r.count;
  }
  for (const day of days.values()) {
    day.erasedOther = day.started - day.contained - day.handedOff - day.abandoned - day.inProgress;
  }
  totals.started += retained.started;
  totals.handedOff += retained.handedOff;
  totals.erasedOther = retained.started - retained.handedOff;
  unrecognised += retained.unrecognised;

  const live = facts.conversations.length;
  const csatCount = csat.reduce((a, b) => a + b, 0);
  return {
    conversations: totals,
    retained,
    goals: [...goalCounts].map(([nodeId, conversions]) => ({
      nodeId,
      label: input.goalNodes.get(nodeId) ?? facts.goalLabels.get(nodeId) ?? nodeId,
      conversions,
      rate: ratio(conversions, live),
    })),
    csat: { count: csatCount, average: csatCount === 0 ? null : csatSum / csatCount, distribution: csat },
    faqHelpful: { yes: faqYes, no: faqNo, yesRate: ratio(faqYes, faqYes + faqNo) },
    unrecognised: {
      count: unrecognised,
      customerMessages,
      per100: customerMessages === 0 ? null : ((unrecognised - retained.unrecognised) / customerMessages) * 100,
    },
    agentTimes: [...queues]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([queue, q]) => ({ queue, handoffs: q.handoffs, firstReply: percentiles(q.firstReply), close: percentiles(q.close) })),
    daily: [...days.values()],
  };
}

export type AnalyticsFigures = ReturnType<typeof computeFigures>;
