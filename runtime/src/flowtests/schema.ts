import { z } from 'zod';
import { idSchema, variableNameSchema, variableValueSchema } from '../schema/common';

/**
 * A flow test case: a scripted conversation with the bot texts it must produce. The same
 * format stores a preview conversation saved as a test, so it is public and its field names
 * are fixed, like the flow document's.
 */
export const testInputSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: z.string().max(5000) }),
  z.strictObject({ type: z.literal('option'), optionId: idSchema }),
  z.strictObject({ type: z.literal('handoffReturned') }),
  z.strictObject({ type: z.literal('handoffUnavailable') }),
  z.strictObject({ type: z.literal('close') }),
]);
export type TestInput = z.infer<typeof testInputSchema>;

export const testStepSchema = z.strictObject({
  /** null is the conversation's start, before the customer has said anything. */
  input: testInputSchema.nullable(),
  /** The bot's text messages in order; images and link buttons are not compared. */
  expect: z.array(z.string().max(5000)).max(100),
});
export type TestStep = z.infer<typeof testStepSchema>;

export const sessionStatusSchema = z.enum(['active', 'waiting', 'handedOff', 'completed', 'expired']);

const variableRecordSchema = z.record(variableNameSchema, variableValueSchema);

/**
 * What the language model "answers" an "Answer from knowledge" step in a test, so flow tests stay
 * deterministic and never reach a model: used in order, one per knowledge step the run reaches.
 */
export const knowledgeStubSchema = z.strictObject({
  outcome: z.enum(['answered', 'noAnswer', 'error']),
  text: z.string().max(5000).optional(),
  sources: z.array(z.strictObject({ label: z.string().max(200), url: z.string().max(2000) })).max(10).optional(),
  reason: z.string().max(100).optional(),
});
export type KnowledgeStub = z.infer<typeof knowledgeStubSchema>;

/** What the language model "picks" for an unsure intent step in a test: an intent id, or null for none (with a reason for a failure). */
export const intentPickStubSchema = z.strictObject({
  pick: idSchema.nullable(),
  reason: z.string().max(100).optional(),
});
export type IntentPickStub = z.infer<typeof intentPickStubSchema>;

export const flowTestCaseSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1, 'must not be empty').max(200),
    steps: z.array(testStepSchema).min(1, 'needs at least the start step').max(500),
    /** Initial variables, as a host would pass them (e.g. the customer's name from the website). */
    variables: variableRecordSchema.optional(),
    /** Whether agents take handoffs; absent means they do. */
    agentsAvailable: z.boolean().optional(),
    /** The clock for the whole conversation, so business hours give the same answer every run. */
    now: z.iso.datetime({ offset: true }).optional(),
    expectStatus: sessionStatusSchema.optional(),
    expectVariables: variableRecordSchema.optional(),
    /** Stubbed outcomes of "Answer from knowledge" steps, in the order the run reaches them; past the last, `error` (`notStubbed`). */
    knowledgeAnswers: z.array(knowledgeStubSchema).max(200).optional(),
    /** Stubbed picks of unsure intent steps that ask the model, in the order the run reaches them; past the last, none (`notStubbed`). */
    intentPicks: z.array(intentPickStubSchema).max(200).optional(),
  })
  .superRefine((testCase, ctx) => {
    testCase.steps.forEach((step, i) => {
      const isStart = step.input === null;
      if (isStart !== (i === 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'input'],
          message: i === 0 ? 'the first step starts the conversation and must have input null' : 'only the first step may have input null',
        });
      }
    });
  });
export type FlowTestCase = z.infer<typeof flowTestCaseSchema>;

/** A flow's test cases; ids are unique so a result can point at its case. */
export const flowTestSuiteSchema = z
  .array(flowTestCaseSchema)
  .max(1000)
  .superRefine((cases, ctx) => {
    const seen = new Set<string>();
    cases.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `the id "${c.id}" is used by another test case` });
      seen.add(c.id);
    });
  });
