import { KNOWLEDGE_KEYS, noKnowledgeCounts, noTieBreakCounts, outcomeAt, TIE_BREAK_KEYS, type AnalyticsFacts, type ConversationFact, type Outcome } from '../../../runtime/src/chat/analyticsFacts';
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
  /** Goal nodes of the flow shown, by node id, so a goal nobody reached yet still shows 0. */
  goalNodes: ReadonlyMap<string, string>;
  /** Counts kept for conversations the retention sweep or an erasure deleted (UTC days; all versions only). */
  retained: readonly DailyCount[];
}

export type { Outcome };

/** A conversation's outcome (runtime/src/chat/analyticsFacts.ts) at `now`, with the flow's idle timeout. */
export function outcomeOf(c: Pick<ConversationFact, 'handedOff' | 'status' | 'updatedAt'>, now: number, sessionTimeoutMs: number): Outcome {
  return outcomeAt(c, now - sessionTimeoutMs);
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
  /** Distinct visitors among the day's live conversations (not a share of the window's total). */
  uniqueVisitors: number;
}

/**
 * The figures of one window from the store's per-bucket sums (outcomes are defined in
 * runtime/src/chat/analyticsFacts.ts). A conversation counts on the local day it started, so one
 * across midnight counts once, on its first day.
 */
export function computeFigures(input: FigureInputs) {
  const { facts } = input;
  const dates = datesBetween(input.firstDate, input.lastDate);
  const dayOf = localDayOf(input.timeZone, dates);
  const days = new Map<string, DayFigures>();
  for (const date of dates) {
    days.set(date, { date, started: 0, contained: 0, handedOff: 0, abandoned: 0, inProgress: 0, erasedOther: 0, uniqueVisitors: 0 });
  }
  // The store counts them per day of the same dates (FigureInputs' days are the query's dayStarts).
  dates.forEach((date, i) => (days.get(date)!.uniqueVisitors = facts.uniqueVisitorsByDay[i] ?? 0));
  const totals = { started: 0, contained: 0, handedOff: 0, offline: 0, abandoned: 0, inProgress: 0, erasedOther: 0 };
  const csat = [0, 0, 0, 0, 0];
  let faqYes = 0;
  let faqNo = 0;
  const knowledge = noKnowledgeCounts();
  const tieBreaks = noTieBreakCounts();
  let unrecognised = 0;
  let customerMessages = 0;
  for (const b of facts.buckets) {
    const day = days.get(dayOf(b.start) ?? '');
    for (const outcome of ['started', 'contained', 'handedOff', 'abandoned', 'inProgress'] as const) {
      totals[outcome] += b[outcome];
      if (day) day[outcome] += b[outcome];
    }
    totals.offline += b.offline;
    b.csat.forEach((n, i) => (csat[i]! += n));
    faqYes += b.faqYes;
    faqNo += b.faqNo;
    for (const k of KNOWLEDGE_KEYS) knowledge[k] += b.knowledge[k];
    for (const k of TIE_BREAK_KEYS) tieBreaks[k] += b.tieBreaks[k];
    unrecognised += b.unrecognised;
    customerMessages += b.customerMessages;
  }
  const live = totals.started;
  // Live conversations started per day, before the deleted ones are added: what a day's goal rate divides by.
  const liveByDay = new Map([...days.values()].map((d) => [d.date, d.started]));

  const goalCounts = new Map<string, number>();
  const goalByDay = new Map<string, Map<string, number>>();
  const reached = (nodeId: string) => {
    if (!goalCounts.has(nodeId)) goalCounts.set(nodeId, 0);
    if (!goalByDay.has(nodeId)) goalByDay.set(nodeId, new Map());
  };
  for (const id of input.goalNodes.keys()) reached(id);
  for (const g of facts.goals) {
    reached(g.nodeId);
    goalCounts.set(g.nodeId, goalCounts.get(g.nodeId)! + g.conversations);
    const date = dayOf(g.start);
    const perDay = goalByDay.get(g.nodeId)!;
    if (date !== undefined) perDay.set(date, (perDay.get(date) ?? 0) + g.conversations);
  }

  const queues = new Map<string, { handoffs: number; firstReply: number[]; close: number[] }>();
  for (const h of facts.handoffs) {
    let q = queues.get(h.queue);
    if (!q) {
      q = { handoffs: 0, firstReply: [], close: [] };
      queues.set(h.queue, q);
    }
    q.handoffs++;
    if (h.firstReplyMs !== null) q.firstReply.push(h.firstReplyMs);
    if (h.closeMs !== null) q.close.push(h.closeMs);
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

  const csatCount = csat.reduce((a, b) => a + b, 0);
  return {
    conversations: totals,
    // Live conversations only: a deleted conversation's visitor id is gone with it.
    uniqueVisitors: facts.uniqueVisitors,
    retained,
    goals: [...goalCounts].map(([nodeId, conversions]) => ({
      nodeId,
      label: input.goalNodes.get(nodeId) ?? facts.goalLabels.get(nodeId) ?? nodeId,
      conversions,
      rate: ratio(conversions, live),
      daily: dates.map((date) => {
        const n = goalByDay.get(nodeId)?.get(date) ?? 0;
        return { date, conversions: n, rate: ratio(n, liveByDay.get(date) ?? 0) };
      }),
    })),
    csat: { count: csatCount, average: csatCount === 0 ? null : csat.reduce((sum, n, i) => sum + n * (i + 1), 0) / csatCount, distribution: csat },
    faqHelpful: { yes: faqYes, no: faqNo, yesRate: ratio(faqYes, faqYes + faqNo) },
    knowledgeAnswers: { answered: knowledge.answered, noAnswer: knowledge.noAnswer, failed: knowledge.failed },
    knowledgeHelpful: { yes: knowledge.yes, no: knowledge.no, yesRate: ratio(knowledge.yes, knowledge.yes + knowledge.no) },
    intentTieBreaks: {
      asked: tieBreaks.picked + tieBreaks.none + tieBreaks.failed,
      picked: tieBreaks.picked,
      none: tieBreaks.none,
      failed: tieBreaks.failed,
      agreedWithClassifier: tieBreaks.agreed,
      agreementRate: ratio(tieBreaks.agreed, tieBreaks.picked),
    },
    unrecognised: {
      count: unrecognised,
      customerMessages,
      per100: customerMessages === 0 ? null : ((unrecognised - retained.unrecognised) / customerMessages) * 100,
    },
    // Sorted by the store; nearest rank like the agent times.
    botReplyTime: { count: facts.replyMs.length, p50Ms: percentile(facts.replyMs, 50), p95Ms: percentile(facts.replyMs, 95) },
    agentTimes: [...queues]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([queue, q]) => ({ queue, handoffs: q.handoffs, firstReply: percentiles(q.firstReply), close: percentiles(q.close) })),
    daily: [...days.values()],
  };
}

export type AnalyticsFigures = ReturnType<typeof computeFigures>;
