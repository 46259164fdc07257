import { localTime } from '../../../runtime/src/hours/localTime';
import type { FlowDocument } from '../../../runtime/src/schema';
import type { FlowStore } from '../storage/flowStore';
import { notFound } from '../http/errors';
import { localMidnight, nextDate } from './localDays';

const DEFAULT_DAYS = 30;

/**
 * The flow an analytics request is about, its time zone (the business-hours one) and the
 * window: calendar days `from`..`to` there (default the 30 days ending today) and the instants
 * [start, end) they cover. 404 for an unknown flow; `docOf(n)` 404s for an unknown version.
 */
export async function analyticsWindow(flows: FlowStore, flowId: string, q: { from?: string | undefined; to?: string | undefined }, now: number) {
  const stored = await flows.get(flowId);
  if (!stored) throw notFound('Flow');
  const docOf = async (n: number): Promise<FlowDocument> => {
    const v = await flows.getVersion(flowId, n);
    if (!v) throw notFound(`Version ${n}`);
    return v.flow;
  };
  const timeZone = stored.flow.settings.businessHours.timezone;
  const to = q.to ?? localTime(timeZone, now).date;
  let from = q.from;
  if (from === undefined) {
    from = to;
    for (let i = 1; i < DEFAULT_DAYS; i++) from = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  }
  return { stored, docOf, timeZone, now, from, to, start: localMidnight(timeZone, from), end: localMidnight(timeZone, nextDate(to)) };
}

/** Goal nodes of a document by id, with their labels. */
export function goalNodesOf(flow: FlowDocument): Map<string, string> {
  const goals = new Map<string, string>();
  for (const n of flow.nodes) if (n.data.goal) goals.set(n.id, n.data.goal.label);
  return goals;
}
