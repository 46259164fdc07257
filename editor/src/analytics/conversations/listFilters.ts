import type { ConversationListFilters, ConversationOutcome } from '../../api';

/** The filter bar's state: what the person picked, before it becomes the API's query. */
export interface FilterChoice {
  outcome: ConversationOutcome | '';
  /** '' any; `reached:` a goal, `missed:` none; `reached:<nodeId>` / `missed:<nodeId>` that goal. */
  goal: string;
  lowCsat: boolean;
  unrecognized: boolean;
}

export const NO_FILTER: FilterChoice = { outcome: '', goal: '', lowCsat: false, unrecognized: false };

/** The API's filters for the page's range and version plus the bar's choice; unticked boxes filter nothing. */
export function toListFilters(range: { from: string; to: string }, version: number | null, choice: FilterChoice): ConversationListFilters {
  const filters: ConversationListFilters = { from: range.from, to: range.to };
  if (version !== null) filters.version = version;
  if (choice.outcome !== '') filters.outcome = choice.outcome;
  if (choice.goal !== '') {
    const [state, nodeId] = choice.goal.split(/:(.*)/s) as [string, string | undefined];
    filters.goalReached = state === 'reached';
    if (nodeId) filters.goal = nodeId;
  }
  if (choice.lowCsat) filters.lowCsat = true;
  if (choice.unrecognized) filters.unrecognized = true;
  return filters;
}
