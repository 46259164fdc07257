import { api, type FlowDetail } from '../api';

const MAX_NAME = 200;

/** "Orders" -> "Orders (copy)", trimmed so the result still fits the schema's name limit. */
export function copyName(name: string, suffix: string): string {
  const tail = ` ${suffix}`;
  return name.length + tail.length <= MAX_NAME ? name + tail : name.slice(0, MAX_NAME - tail.length - 1).trimEnd() + '…' + tail;
}

/** Copies the current draft as a new flow; the server assigns the new id. */
export async function duplicateFlow(id: string, suffix: string): Promise<FlowDetail> {
  const { flow } = await api.flows.get(id);
  return api.flows.create({ document: { ...flow, name: copyName(flow.name, suffix) } });
}
