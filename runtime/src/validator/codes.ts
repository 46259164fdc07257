/**
 * Every problem the validator can report. Codes are stable: the editor, the API and users'
 * scripts key on them, so rename never, add freely. Severity lives here so that a code always
 * carries the same weight: errors block publishing, warnings only inform.
 */
export const PROBLEM_CODES = {
  'missing-start': { severity: 'error', description: 'The flow has no start step.' },
  'multiple-starts': { severity: 'error', description: 'The flow has more than one start step.' },
  'edge-missing-source': { severity: 'error', description: 'A connection leaves a step that does not exist.' },
  'edge-missing-target': { severity: 'error', description: 'A connection leads to a step that does not exist.' },
  'edge-unknown-handle': {
    severity: 'error',
    description: 'A connection leaves from an output its step does not have, or names no output on a step with several.',
  },
  'duplicate-edge': { severity: 'error', description: 'One output of a step is connected to more than one step.' },
  'unconnected-output': {
    severity: 'error',
    description:
      'A choice option, a condition branch, an intent, or the "next" output of a question or the start leads nowhere.',
  },
  'invalid-pattern': {
    severity: 'error',
    description: 'A question pattern or a condition "matches" rule is not a valid regular expression.',
  },
  'unsupported-pattern': {
    severity: 'warning',
    description:
      'A question pattern or a condition "matches" rule uses lookaround or a back-reference, which cannot be checked in linear time; it is skipped when the bot runs.',
  },
  'jump-missing-target': { severity: 'error', description: 'A jump leads to a step that does not exist.' },
  'duplicate-id': {
    severity: 'error',
    description: 'Two steps, two connections, two options of a choice or two branches of a condition share an id.',
  },
  'duplicate-label': {
    severity: 'error',
    description: 'Two options of a choice have the same label, ignoring case, accents and punctuation.',
  },
  'endless-loop': {
    severity: 'error',
    description: 'Steps form a loop that never waits for the customer or an agent, so it could run forever.',
  },
  'handoff-resolved-unconnected': {
    severity: 'error',
    description: 'A handoff has nothing connected to "resolved", so the bot cannot continue after an agent.',
  },
  'unsafe-link': {
    severity: 'error',
    description: 'A link is not http, https, mailto or tel, or an image is not http or https.',
  },
  'missing-value': { severity: 'error', description: 'A condition rule needs a value to compare with and has none.' },
  'missing-examples': {
    severity: 'error',
    description: 'An intent step, FAQ or global intent has no intents or questions, or one of them has no example phrase.',
  },
  'duplicate-intent-name': {
    severity: 'error',
    description: 'Two intents of one intent step (or two global intents, or two FAQ questions) have the same name.',
  },
  'global-intent-missing-target': { severity: 'error', description: 'A global intent leads to a step that does not exist.' },
  'invalid-http-url': {
    severity: 'error',
    description: 'An HTTP request address does not start with http:// or https:// or is not a valid address.',
  },
  'invalid-json-body': { severity: 'error', description: 'An HTTP request body is not valid JSON.' },
  'invalid-response-path': { severity: 'error', description: 'A response mapping path of an HTTP request cannot be read.' },
  'unreachable-node': { severity: 'warning', description: 'A step cannot be reached from the start.' },
  'variable-maybe-unset': {
    severity: 'warning',
    description: 'A variable is used, has no default, and no path from the start sets it before the step using it.',
  },
  'empty-message': { severity: 'warning', description: 'A message has no text, image or links.' },
  'handoff-no-offline': {
    severity: 'warning',
    description: 'A handoff has no "offline" branch for when no agent is available.',
  },
  'fallback-unconnected': {
    severity: 'warning',
    description: 'An intent step or FAQ has nothing connected to "fallback", so unrecognised messages only get the fallback text.',
  },
  'retry-exit-unconnected': {
    severity: 'warning',
    description:
      'A question\'s "Invalid answer" or a choice\'s "Didn\'t match" exit is not connected, so after the retries the flow\'s after-retries setting decides what happens.',
  },
  'phrase-clash': {
    severity: 'warning',
    description: 'The same phrase (ignoring case, accents and punctuation) is listed under two intents or questions.',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; description: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
