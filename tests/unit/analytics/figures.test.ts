import { describe, expect, it } from 'vitest';
import { computeFigures, outcomeOf, percentile } from '../../../api/src/analytics/figures';
import { localMidnight } from '../../../api/src/analytics/localDays';
import { sumFacts } from '../../../api/src/storage/analyticsEvents';
import { noKnowledgeCounts, noTieBreakCounts, type ConversationFact } from '../../../runtime/src/chat/analyticsFacts';

const fact = (over: Partial<ConversationFact>): ConversationFact => ({
  id: 'c', flowVersion: 1, createdAt: 0, updatedAt: 0, status: 'waiting', queue: null, handoffRequestedAt: null, handoffClosedAt: null,
  firstAgentReplyAt: null, customerMessages: 0, handedOff: false, offline: false, goals: [], csat: [], faqYes: 0, faqNo: 0, unrecognised: 0, knowledge: noKnowledgeCounts(), tieBreaks: noTieBreakCounts(), ...over,
});
const MIN = 60_000;

describe('outcomeOf', () => {
  it('a handoff wins over everything; otherwise an end is contained; silence past the timeout is abandoned', () => {
    expect(outcomeOf(fact({ handedOff: true, status: 'completed' }), 0, 30 * MIN)).toBe('handedOff');
    expect(outcomeOf(fact({ status: 'completed' }), 0, 30 * MIN)).toBe('contained');
    expect(outcomeOf(fact({ status: 'expired' }), 0, 30 * MIN)).toBe('contained');
    expect(outcomeOf(fact({ updatedAt: 0 }), 31 * MIN, 30 * MIN)).toBe('abandoned');
    expect(outcomeOf(fact({ updatedAt: 0 }), 30 * MIN, 30 * MIN)).toBe('inProgress');
  });
});

describe('percentile (nearest rank)', () => {
  it('takes the smallest value with p% at or below it, null when empty', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });
});

describe('localMidnight', () => {
  it('finds where a day begins in a zone, across a DST change', () => {
    expect(new Date(localMidnight('Europe/Warsaw', '2026-11-21')).toISOString()).toBe('2026-11-20T23:00:00.000Z');
    expect(new Date(localMidnight('Europe/Warsaw', '2026-07-01')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(new Date(localMidnight('Europe/Warsaw', '2026-03-29')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(localMidnight('Asia/Kathmandu', '2026-01-01')).toISOString()).toBe('2025-12-31T18:15:00.000Z');
  });
});

describe('computeFigures', () => {
  it('outcomes add up to started per day, in progress included', () => {
    const day = Date.parse('2026-11-21T10:00:00Z');
    const f = computeFigures({
      // Twenty replies of 10, 20 … 200 ms: nearest rank puts p50 at the 10th and p95 at the 19th.
      facts: { replyMs: Array.from({ length: 20 }, (_, i) => (i + 1) * 10), uniqueVisitors: 1, uniqueVisitorsByDay: [1], ...sumFacts([fact({ id: 'a', createdAt: day, updatedAt: day }), fact({ id: 'b', createdAt: day, updatedAt: day - 60 * MIN })], new Map(), {
        flowId: 'f', from: 0, to: day * 2, activeSince: day + MIN - 30 * MIN,
      }) },
      firstDate: '2026-11-21', lastDate: '2026-11-21', timeZone: 'UTC',
      goalNodes: new Map([['g', 'Lead']]), retained: [],
    });
    expect(f.conversations).toMatchObject({ started: 2, inProgress: 1, abandoned: 1 });
    expect(f.daily).toEqual([{ date: '2026-11-21', started: 2, contained: 0, handedOff: 0, abandoned: 1, inProgress: 1, erasedOther: 0, uniqueVisitors: 1 }]);
    expect(f.goals).toEqual([{ nodeId: 'g', label: 'Lead', conversions: 0, rate: 0, daily: [{ date: '2026-11-21', conversions: 0, rate: 0 }] }]);
    expect(f.botReplyTime).toEqual({ count: 20, p50Ms: 100, p95Ms: 190 });
    expect(f.csat.average).toBeNull();
    expect(f.unrecognised.per100).toBeNull();
  });
});
