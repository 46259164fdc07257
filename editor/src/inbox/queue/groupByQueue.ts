import type { InboxItem } from '../../api';

export interface QueueGroup {
  queue: string;
  items: InboxItem[];
}

const PRIORITY_RANK: Record<InboxItem['priority'], number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** Queues in name order; inside each, the most urgent first, then whoever waited longest. */
export function groupByQueue(items: InboxItem[]): QueueGroup[] {
  const groups = new Map<string, InboxItem[]>();
  for (const item of items) {
    const list = groups.get(item.queue) ?? [];
    list.push(item);
    groups.set(item.queue, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([queue, list]) => ({
      queue,
      items: list.sort(
        (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || Date.parse(a.requestedAt) - Date.parse(b.requestedAt),
      ),
    }));
}

/** Whole seconds since the customer asked for a person. */
export function waitedSeconds(item: InboxItem, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(item.requestedAt)) / 1000));
}

/** `4:05`, or `1:02:03` past an hour. */
export function formatWait(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function isOverdue(item: InboxItem, now: number, highlightMinutes: number): boolean {
  return item.status === 'waiting' && waitedSeconds(item, now) >= highlightMinutes * 60;
}
