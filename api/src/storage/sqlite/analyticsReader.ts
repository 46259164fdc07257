import type { ReadRunner, ReadStatement } from './readWorker';
import {
  ANALYTICS_BUCKET_MS,
  type AnalyticsFacts,
  type AnalyticsFactsQuery,
  type BucketFacts,
  type HandoffFacts,
  type PathFacts,
} from '../../../../runtime/src/chat/analyticsFacts';

// The window as a range of every rollup's (flow_id, bucket, ...) key; created_at narrows it to the
// exact instants when a window does not start or end on a bucket boundary.
const STATS_WINDOW = `flow_id = @flowId AND bucket >= @fromBucket AND bucket <= @lastBucket
  AND created_at >= @from AND created_at < @to AND (@flowVersion IS NULL OR flow_version = @flowVersion)`;
const TRAFFIC_WINDOW = `flow_id = @flowId AND bucket >= @fromBucket AND bucket <= @lastBucket
  AND (@flowVersion IS NULL OR flow_version = @flowVersion)`;

// The outcome rule of analyticsFacts.ts: `settled` (analyticsRollups.ts) covers handed off and
// contained; an open conversation's last activity is read from its row (a primary-key lookup for
// the open ones only).
const LAST_ACTIVE = `(SELECT c.updated_at FROM conversations c WHERE c.id = conversation_stats.id)`;
const ABANDONED = `CASE WHEN settled IS NULL THEN ${LAST_ACTIVE} < @activeSince ELSE 0 END`;

type BucketRow = [bucket: number, ...counts: number[]];

/** The statements AnalyticsReader runs, for the read worker (readWorker.ts) to prepare. */
export const ANALYTICS_STATEMENTS = {
  buckets: {
    sql: `SELECT bucket, COUNT(*), SUM(settled IS 'contained'), SUM(settled IS 'handedOff'), SUM(${ABANDONED}),
        SUM(settled IS NULL), SUM(offline), SUM(customer_messages), SUM(unrecognised),
        SUM(faq_yes), SUM(faq_no), SUM(csat_1), SUM(csat_2), SUM(csat_3), SUM(csat_4), SUM(csat_5),
        SUM(knowledge_answered), SUM(knowledge_no_answer), SUM(knowledge_failed), SUM(knowledge_yes), SUM(knowledge_no),
        SUM(tiebreak_picked), SUM(tiebreak_none), SUM(tiebreak_failed), SUM(tiebreak_agreed)
      FROM conversation_stats WHERE ${STATS_WINDOW} GROUP BY bucket ORDER BY bucket`,
    raw: true,
  },
  handoffs: {
    sql: `SELECT queue, first_agent_reply_at - handoff_requested_at, handoff_closed_at - handoff_requested_at
      FROM conversation_stats WHERE ${STATS_WINDOW} AND handoff_requested_at IS NOT NULL AND queue IS NOT NULL`,
    raw: true,
  },
  // Trusting the window's buckets rather than created_at: traffic is kept per bucket only.
  goals: {
    sql: `SELECT bucket, node_id, SUM(conversations), MAX(label) FILTER (WHERE label IS NOT NULL)
      FROM goal_traffic WHERE ${TRAFFIC_WINDOW} GROUP BY bucket, node_id ORDER BY bucket`,
    raw: true,
  },
  started: { sql: `SELECT COUNT(*) FROM conversation_stats WHERE ${STATS_WINDOW}`, pluck: true, get: true },
  uniqueVisitors: { sql: `SELECT COUNT(DISTINCT visitor_id) FROM conversation_stats WHERE ${STATS_WINDOW}`, pluck: true, get: true },
  // One key range of the window per local day (dayStarts: a JSON array of instants, ascending).
  uniqueVisitorsByDay: {
    sql: `WITH days(i, lo, hi) AS (SELECT key, value, lead(value) OVER (ORDER BY key) FROM json_each(@dayStarts))
      SELECT (SELECT COUNT(DISTINCT visitor_id) FROM conversation_stats
        WHERE flow_id = @flowId AND bucket >= days.lo / ${ANALYTICS_BUCKET_MS} AND bucket <= (days.hi - 1) / ${ANALYTICS_BUCKET_MS}
          AND created_at >= max(days.lo, @from) AND created_at < min(days.hi, @to)
          AND (@flowVersion IS NULL OR flow_version = @flowVersion))
      FROM days WHERE days.hi IS NOT NULL ORDER BY days.i`,
    pluck: true,
  },
  replyMs: {
    sql: `SELECT r.value FROM conversation_stats, json_each(conversation_stats.reply_ms) r
      WHERE ${STATS_WINDOW} AND reply_ms IS NOT NULL ORDER BY 1`,
    pluck: true,
  },
  dropped: {
    sql: `SELECT last_node_id, COUNT(*) FROM conversation_stats WHERE ${STATS_WINDOW} AND settled IS NULL
      AND last_node_id IS NOT NULL AND ${ABANDONED} GROUP BY last_node_id`,
    raw: true,
  },
  entered: { sql: `SELECT node_id, SUM(conversations) FROM node_traffic WHERE ${TRAFFIC_WINDOW} GROUP BY node_id`, raw: true },
  edges: {
    sql: `SELECT source, handle, SUM(conversations) FROM edge_traffic WHERE ${TRAFFIC_WINDOW} GROUP BY source, handle`,
    raw: true,
  },
} satisfies Record<string, ReadStatement>;

type Statement = keyof typeof ANALYTICS_STATEMENTS;

/**
 * Reads one flow's facts for a window from the rollups that migration 6's triggers keep
 * (analyticsRollups.ts). Each statement walks one key range; per-bucket sums come out in key order.
 * The statements run in the read worker, one snapshot per call; only the shaping happens here.
 */
export class AnalyticsReader {
  constructor(private readonly reads: ReadRunner) {}

  private run(params: ReturnType<typeof paramsOf>, statements: Statement[]): Promise<unknown[]> {
    return this.reads.run(statements.map((statement) => ({ statement, params })));
  }

  async read(query: AnalyticsFactsQuery): Promise<AnalyticsFacts> {
    const [bucketRows, handoffRows, goalRows, replyMs, uniqueVisitors, uniqueVisitorsByDay] = await this.run(paramsOf(query), [
      'buckets',
      'handoffs',
      'goals',
      'replyMs',
      'uniqueVisitors',
      'uniqueVisitorsByDay',
    ]);
    const buckets = (bucketRows as BucketRow[]).map(([bucket, ...n]): BucketFacts => ({
      start: bucket * ANALYTICS_BUCKET_MS,
      started: n[0]!,
      contained: n[1]!,
      handedOff: n[2]!,
      abandoned: n[3]!,
      // Open ones that are not abandoned.
      inProgress: n[4]! - n[3]!,
      offline: n[5]!,
      customerMessages: n[6]!,
      unrecognised: n[7]!,
      faqYes: n[8]!,
      faqNo: n[9]!,
      csat: [n[10]!, n[11]!, n[12]!, n[13]!, n[14]!],
      knowledge: { answered: n[15]!, noAnswer: n[16]!, failed: n[17]!, yes: n[18]!, no: n[19]! },
      tieBreaks: { picked: n[20]!, none: n[21]!, failed: n[22]!, agreed: n[23]! },
    }));
    const handoffs = (handoffRows as [string, number | null, number | null][]).map(
      ([queue, firstReplyMs, closeMs]): HandoffFacts => ({ queue, firstReplyMs, closeMs }),
    );
    const goals: AnalyticsFacts['goals'] = [];
    const goalLabels = new Map<string, string>();
    for (const [bucket, nodeId, conversations, label] of goalRows as [number, string, number, string | null][]) {
      if (conversations > 0) goals.push({ start: bucket * ANALYTICS_BUCKET_MS, nodeId, conversations });
      // Buckets come oldest first, so the last label seen is the latest.
      if (label !== null) goalLabels.set(nodeId, label);
    }
    return { buckets, goals, goalLabels, handoffs, replyMs: replyMs as number[], uniqueVisitors: uniqueVisitors as number, uniqueVisitorsByDay: uniqueVisitorsByDay as number[] };
  }

  async paths(query: AnalyticsFactsQuery): Promise<PathFacts> {
    const [started, entered, edges, dropped] = await this.run(paramsOf(query), ['started', 'entered', 'edges', 'dropped']);
    // A traffic row can fall to 0 when its conversations are deleted.
    const byNode = (rows: unknown[]) =>
      (rows as [string, number][]).filter(([, n]) => n > 0).map(([nodeId, conversations]) => ({ nodeId, conversations }));
    return {
      started: started as number,
      entered: byNode(entered as unknown[]),
      edges: (edges as [string, string, number][])
        .filter(([, , n]) => n > 0)
        .map(([source, sourceHandle, conversations]) => ({ source, sourceHandle, conversations })),
      droppedHere: byNode(dropped as unknown[]),
    };
  }
}

function paramsOf(query: AnalyticsFactsQuery) {
  return {
    flowId: query.flowId,
    from: query.from,
    to: query.to,
    fromBucket: Math.floor(query.from / ANALYTICS_BUCKET_MS),
    lastBucket: Math.floor((query.to - 1) / ANALYTICS_BUCKET_MS),
    flowVersion: query.flowVersion ?? null,
    activeSince: query.activeSince,
    // Whole milliseconds: json_each gives integers, so the bucket division above stays integral.
    dayStarts: JSON.stringify((query.dayStarts ?? []).map((t) => Math.floor(t))),
  };
}
