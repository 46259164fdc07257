import type { contract, ResponseBody } from '../../../api/src/contract';
import { request } from './http';

export type AnalyticsResult = ResponseBody<typeof contract.analytics.get, 200>;
export type AnalyticsFigures = AnalyticsResult['figures'];

export interface AnalyticsQuery {
  from: string;
  to: string;
  version?: number;
  compare?: number;
}

/** The query string shared by the figures and the CSV download. */
export function analyticsSearch(q: AnalyticsQuery): string {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.version !== undefined) params.set('version', String(q.version));
  if (q.compare !== undefined) params.set('compare', String(q.compare));
  return `?${params.toString()}`;
}

const base = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}/analytics`;

export const analytics = {
  async get(flowId: string, q: AnalyticsQuery): Promise<AnalyticsResult> {
    return (await request<AnalyticsResult>('GET', `${base(flowId)}${analyticsSearch(q)}`)).data;
  },
  csvUrl: (flowId: string, q: AnalyticsQuery) => `${base(flowId)}/daily.csv${analyticsSearch(q)}`,
  paths: (flowId: string, version: number) => getAnalyticsPaths(flowId, version),
};

export type AnalyticsPaths = ResponseBody<typeof contract.analytics.paths, 200>;

/** The traffic of one version over the API's default window (the last 30 days), for the canvas overlay. */
export async function getAnalyticsPaths(flowId: string, version: number): Promise<AnalyticsPaths> {
  return (await request<AnalyticsPaths>('GET', `${base(flowId)}/paths?version=${version}`)).data;
}
