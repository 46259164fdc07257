import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import type { FlowStore } from '../storage/flowStore';
import { computeFigures, type AnalyticsFigures } from './figures';
import { computePaths } from './paths';
import { datesBetween, localMidnight } from './localDays';
import { analyticsWindow, goalNodesOf } from './window';

export interface FlowAnalyticsDeps {
  store: ConversationStore;
  flows: FlowStore;
  clock: () => number;
}

/** The days asked for: `from`/`to` are local dates in the flow's time zone. */
export interface AnalyticsWindowQuery {
  from?: string;
  to?: string;
  version?: number;
}

/**
 * What the analytics routes answer, apart from HTTP: the figures and the overlay's paths of one
 * flow over a window (the benchmark calls these too). 404 for an unknown flow or version.
 */
export function createFlowAnalytics(deps: FlowAnalyticsDeps) {
  const windowOf = (flowId: string, q: AnalyticsWindowQuery) => analyticsWindow(deps.flows, flowId, q, deps.clock());

  async function figures(flowId: string, q: AnalyticsWindowQuery & { compare?: number }) {
    const { stored, docOf, timeZone, now, from, to, start, end } = await windowOf(flowId, q);
    const retainedAll = await deps.store.dailyCounts(flowId);
    const dayStarts = [...datesBetween(from, to).map((d) => localMidnight(timeZone, d)), end];
    const figuresFor = async (version: number | undefined): Promise<AnalyticsFigures> => {
      const doc = version === undefined ? stored.flow : await docOf(version);
      const facts = await deps.store.analyticsFacts({
        flowId,
        from: start,
        to: end,
        activeSince: now - doc.settings.sessionTimeoutMinutes * 60_000,
        dayStarts,
        ...(version !== undefined ? { flowVersion: version } : {}),
      });
      return computeFigures({
        facts,
        firstDate: from,
        lastDate: to,
        timeZone,
        goalNodes: goalNodesOf(doc),
        // The aggregates keep no version, so they only add up without a version filter.
        retained: version === undefined ? retainedAll : [],
      });
    };
    return {
      flowId,
      timeZone,
      from,
      to,
      version: q.version ?? null,
      figures: await figuresFor(q.version),
      compare: q.compare === undefined ? null : { version: q.compare, figures: await figuresFor(q.compare) },
    };
  }

  async function paths(flowId: string, q: AnalyticsWindowQuery) {
    const { stored, docOf, now, from, to, start, end } = await windowOf(flowId, q);
    const doc = q.version === undefined ? stored.flow : await docOf(q.version);
    const facts = await deps.store.analyticsPaths({
      flowId,
      from: start,
      to: end,
      activeSince: now - doc.settings.sessionTimeoutMinutes * 60_000,
      ...(q.version !== undefined ? { flowVersion: q.version } : {}),
    });
    return { flowId, from, to, version: q.version ?? null, ...computePaths(facts) };
  }

  return { figures, paths };
}

export type FlowAnalytics = ReturnType<typeof createFlowAnalytics>;
