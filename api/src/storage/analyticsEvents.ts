import type { ConversationFact } from '../../../runtime/src/chat/analyticsFacts';

// How analytics reads stored events, shared by the SQLite and PostgreSQL stores so that both
// count exactly the same things.

/** The event names analytics reads; everything else (nodeEntered, inputReceived...) is skipped in SQL. */
export const COUNTED_EVENTS = ['handedOff', 'handoffOffline', 'goalReached', 'csat', 'faqFeedback', 'fallback'] as const;

/** An event row as analytics reads it. */
export interface AnalyticsEventRow {
  session_id: string;
  name: string;
  node_id: string | null;
  data: string | null;
}

export function parseData(data: string | null): Record<string, unknown> {
  if (data === null) return {};
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Folds one counted event into its conversation's facts (the figures' and the conversation list's); goal labels are collected on the side. */
export function applyEvent(
  fact: Pick<ConversationFact, 'handedOff' | 'offline' | 'goals' | 'csat' | 'faqYes' | 'faqNo' | 'unrecognised'>,
  e: AnalyticsEventRow,
  goalLabels: Map<string, string>,
): void {
  const data = parseData(e.data);
  switch (e.name) {
    case 'handedOff':
      fact.handedOff = true;
      return;
    case 'handoffOffline':
      fact.handedOff = true;
      fact.offline = true;
      return;
    case 'goalReached':
      if (e.node_id === null) return;
      if (!fact.goals.includes(e.node_id)) fact.goals.push(e.node_id);
      if (typeof data.label === 'string') goalLabels.set(e.node_id, data.label);
      return;
    case 'csat':
      if (typeof data.rating === 'number' && Number.isInteger(data.rating) && data.rating >= 1 && data.rating <= 5) fact.csat.push(data.rating);
      return;
    case 'faqFeedback':
      if (data.helpful === true || data.helpful === 'yes') fact.faqYes++;
      else if (data.helpful === false || data.helpful === 'no') fact.faqNo++;
      return;
    case 'fallback':
      if (typeof data.text === 'string') fact.unrecognised++;
      return;
  }
}
