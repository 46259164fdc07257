import type { FlowDocument } from '../schema/flow';
import { buildContext, type ValidationContext } from './context';
import type { Problem } from './problem';
import { startCount } from './rules/startCount';
import { edgeEndpoints } from './rules/edgeEndpoints';
import { duplicateIds } from './rules/duplicateIds';
import { duplicateEdges } from './rules/duplicateEdges';
import { unconnectedOutputs } from './rules/unconnectedOutputs';
import { handoffOutputs } from './rules/handoffOutputs';
import { jumpTargets } from './rules/jumpTargets';
import { invalidPatterns } from './rules/invalidPatterns';
import { missingValues } from './rules/missingValues';
import { duplicateLabels } from './rules/duplicateLabels';
import { unsafeLinks } from './rules/unsafeLinks';
import { endlessLoops } from './rules/endlessLoops';
import { unreachableNodes } from './rules/unreachableNodes';
import { unsetVariables } from './rules/unsetVariables';
import { emptyMessages } from './rules/emptyMessages';
import { intentPhrases } from './rules/intentPhrases';
import { fallbackOutputs } from './rules/fallbackOutputs';
import { retryExits } from './rules/retryExits';
import { httpRequests } from './rules/httpRequests';
import { phraseClashes } from './rules/phraseClashes';
import { globalIntentTargets } from './rules/globalIntentTargets';

export { hasErrors, type Problem, type Severity } from './problem';
export { PROBLEM_CODES, type ProblemCode } from './codes';
export { variablesRead, variablesWrittenOn } from './variableAccess';

export type Rule = (ctx: ValidationContext) => Problem[];

/** In the order the builder should fix things: structure first, then content, then hints. */
export const RULES: readonly Rule[] = [
  startCount,
  edgeEndpoints,
  duplicateIds,
  duplicateEdges,
  unconnectedOutputs,
  handoffOutputs,
  jumpTargets,
  globalIntentTargets,
  invalidPatterns,
  httpRequests,
  intentPhrases,
  missingValues,
  duplicateLabels,
  unsafeLinks,
  endlessLoops,
  unreachableNodes,
  unsetVariables,
  emptyMessages,
  fallbackOutputs,
  retryExits,
  phraseClashes,
];

/**
 * Checks a schema-valid flow for what would break or confuse a conversation. Errors block
 * publishing; warnings do not. Errors come before warnings, each group in rule order.
 */
export function validateFlow(flow: FlowDocument): Problem[] {
  const ctx = buildContext(flow);
  const problems = RULES.flatMap((rule) => rule(ctx));
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')];
}
