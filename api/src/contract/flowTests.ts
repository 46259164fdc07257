import { z } from 'zod';
import { defineRoute } from './route';
import { described, named } from './common';
import { caseReportSchema, flowIdParams } from './flows';
import { flowTestSuiteSchema } from '../../../runtime/src/flowtests/schema';
import {
  flowEdgeSchema,
  flowNodeSchema,
  positionSchema,
  variableDefinitionSchema,
} from '../../../runtime/src/schema';

/** The server checks `tests` itself, so its errors read `tests.0.steps.1.input` (code `invalid_tests`). */
export const putTestsBody = z.strictObject({ tests: z.unknown() });
const testsBody = z.object({ tests: named('FlowTestSuite', flowTestSuiteSchema) });

export const runTestsQuery = z.object({
  version: described(
    z
      .string()
      .regex(/^[1-9]\d{0,8}$/, 'must be a version number')
      .transform(Number)
      .optional(),
    'Run on this published version instead of the draft',
  ),
});

const handle = z.object({ nodeId: z.string(), handle: z.string() });
const split = <S extends z.ZodType>(items: S) => z.object({ covered: z.array(items), uncovered: z.array(items) });
const runResult = z.object({
  version: described(z.number().int().nullable(), 'The version run, or null for the draft'),
  passed: z.boolean(),
  results: z.array(caseReportSchema),
  coverage: z.object({ ratio: z.number().min(0).max(1), nodes: split(z.string()), handles: split(handle) }),
});

/** `draft`, `live` or a version number, as `?from=` and `?to=` take them. */
const diffSideSchema = z.union([
  z.enum(['draft', 'live']),
  z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'must be draft, live or a version number')
    .transform(Number),
]);
export const diffQuery = z.object({
  from: described(diffSideSchema.default('live'), '`draft`, `live` or a version number'),
  to: described(diffSideSchema.default('draft'), '`draft`, `live` or a version number'),
});

const valueChange = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
const side = described(z.union([z.literal('draft'), z.number().int(), z.null()]), '"draft", a version number, or null when nothing is live');
export const diffResult = named(
  'FlowDiff',
  z.object({
    from: side,
    to: side,
    summary: z.object({
      nodes: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), moved: z.number().int() }),
      edges: z.object({ added: z.number().int(), removed: z.number().int() }),
      variables: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
      settings: z.number().int(),
      meta: z.number().int(),
      texts: z.number().int(),
      total: described(z.number().int(), 'Every change except moves on the canvas'),
    }),
    nodes: z.object({
      added: z.array(flowNodeSchema),
      removed: z.array(flowNodeSchema),
      changed: z.array(
        z.object({ id: z.string(), before: flowNodeSchema, after: flowNodeSchema, typeChanged: z.boolean(), fields: z.array(z.string()) }),
      ),
      moved: z.array(z.object({ id: z.string(), from: positionSchema, to: positionSchema })),
    }),
    edges: z.object({ added: z.array(flowEdgeSchema), removed: z.array(flowEdgeSchema) }),
    variables: z.object({
      added: z.array(variableDefinitionSchema),
      removed: z.array(variableDefinitionSchema),
      changed: z.array(z.object({ name: z.string(), before: variableDefinitionSchema, after: variableDefinitionSchema })),
    }),
    settings: z.array(valueChange),
    meta: z.array(valueChange),
    textChanges: z.array(z.object({ nodeId: z.string(), field: z.string(), before: z.string(), after: z.string() })),
  }),
  'Nodes by id (moves listed apart), edges by what they connect, variables, settings, and customer-visible texts before and after',
);

export const flowTestRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/flows/:id/tests',
    tag: 'Flow tests',
    summary: "The flow's test cases",
    access: 'editor',
    params: flowIdParams,
    responses: { 200: testsBody },
    errors: [404],
  }),
  replace: defineRoute({
    method: 'put',
    path: '/api/flows/:id/tests',
    tag: 'Flow tests',
    summary: 'Replace all of the flow’s test cases',
    description: 'Does not change the draft’s revision. Invalid cases get 400 `invalid_tests` with paths like `tests.0.steps.1.input`.',
    access: 'editor',
    params: flowIdParams,
    body: testsBody,
    responses: { 200: testsBody },
    errors: [404],
  }),
  run: defineRoute({
    method: 'post',
    path: '/api/flows/:id/tests/run',
    tag: 'Flow tests',
    summary: 'Run all test cases on the draft, or on a version',
    description:
      'The same engine and matching as the editor and publishing; the clock and randomness are fixed, so results repeat. For CI, use an API token.',
    access: 'editor',
    params: flowIdParams,
    query: runTestsQuery,
    responses: { 200: runResult },
    errors: [404],
  }),
  diff: defineRoute({
    method: 'get',
    path: '/api/flows/:id/diff',
    tag: 'Versions',
    summary: 'What changed between two versions, or a version and the draft',
    description: 'When nothing is live, `from=live` compares with an empty flow.',
    access: 'editor',
    params: flowIdParams,
    query: diffQuery,
    responses: { 200: diffResult },
    errors: [404],
  }),
};
