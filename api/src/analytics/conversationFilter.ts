import type { ConversationListRow } from '../../../runtime/src/chat/conversationList';
import { outcomeOf, type Outcome } from './figures';

export interface ConversationFilters {
  outcome?: Outcome | undefined;
  /** With `goalReached`: that goal node; without, any goal. */
  goal?: string | undefined;
  goalReached?: boolean | undefined;
  /** A satisfaction rating of 1 or 2 (true), or none that low (false). */
  lowCsat?: boolean | undefined;
  /** At least one unrecognised message (true), or none (false). */
  unrecognized?: boolean | undefined;
}

/** Ratings at or below this count as low (the "CSAT ≤ 2"). */
export const LOW_CSAT = 2;

/** The list's filters over one row; outcomes by `outcomeOf`, the figures' own definition. */
export function conversationFilter(f: ConversationFilters, now: number, sessionTimeoutMs: number): (row: ConversationListRow) => boolean {
  return (row) => {
    if (f.outcome !== undefined && outcomeOf(row, now, sessionTimeoutMs) !== f.outcome) return false;
    if (f.goalReached !== undefined) {
      const reached = f.goal === undefined ? row.goals.length > 0 : row.goals.includes(f.goal);
      if (reached !== f.goalReached) return false;
    }
    if (f.lowCsat !== undefined && row.csat.some((r) => r <= LOW_CSAT) !== f.lowCsat) return false;
    if (f.unrecognized !== undefined && row.unrecognised > 0 !== f.unrecognized) return false;
    return true;
  };
}
