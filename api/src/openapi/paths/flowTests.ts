import { z } from 'zod';
import { flowTestSuiteSchema } from '../../../../runtime/src/flowtests/schema';
import { errors, fromZod, ok, operation, pathParam, ref, type JsonSchema, type Paths } from '../helpers';

const flowId = pathParam('id', 'Flow id');
const suite = fromZod(flowTestSuiteSchema, 'input');
const testsBody: JsonSchema = { type: 'object', properties: { tests: suite }, required: ['tests'], additionalProperties: false };

const difference: JsonSchema = {
  type: 'object',
  description:
    'Where the run first departs from the case. `kind`: text | missing | extra (a bot message at `step`/`index`), ' +
    'status | variable (after the last step), error (the engine failed). `step` counts from 0 (the start).',
  properties: {
    kind: { enum: ['text', 'missing', 'extra', 'status', 'variable', 'error'] },
    step: { type: 'integer' },
    index: { type: 'integer' },
    variable: { type: 'string' },
    expected: {},
    actual: {},
  },
  required: ['kind', 'step', 'expected', 'actual'],
};
export const caseResult: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    passed: { type: 'boolean' },
    firstDifference: difference,
    message: { type: 'string', description: 'firstDifference in words' },
  },
  required: ['id', 'name', 'passed'],
};
const handle = { type: 'object', properties: { nodeId: { type: 'string' }, handle: { type: 'string' } }, required: ['nodeId', 'handle'] };
const split = (items: JsonSchema) => ({
  type: 'object',
  properties: { covered: { type: 'array', items }, uncovered: { type: 'array', items } },
  required: ['covered', 'uncovered'],
});
const runResult: JsonSchema = {
  type: 'object',
  properties: {
    version: { type: ['integer', 'null'], description: 'The version run, or null for the draft' },
    passed: { type: 'boolean' },
    results: { type: 'array', items: caseResult },
    coverage: {
      type: 'object',
      properties: { ratio: { type: 'number', minimum: 0, maximum: 1 }, nodes: split({ type: 'string' }), handles: split(handle) },
      required: ['ratio', 'nodes', 'handles'],
    },
  },
  required: ['version', 'passed', 'results', 'coverage'],
};

const list = (items: JsonSchema) => ({ type: 'array', items });
const valueChange = fromZod(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() }));
const count = { type: 'integer' };
const side = { type: ['integer', 'string', 'null'], description: '"draft", a version number, or null when nothing is live' };
const diffResult: JsonSchema = {
  type: 'object',
  properties: {
    from: side,
    to: side,
    summary: {
      type: 'object',
      properties: {
        nodes: { type: 'object', properties: { added: count, removed: count, changed: count, moved: count } },
        edges: { type: 'object', properties: { added: count, removed: count } },
        variables: { type: 'object', properties: { added: count, removed: count, changed: count } },
        settings: count,
        meta: count,
        texts: count,
        total: { type: 'integer', description: 'Every change except moves on the canvas' },
      },
    },
    nodes: {
      type: 'object',
      properties: {
        added: list({ type: 'object' }),
        removed: list({ type: 'object' }),
        changed: list({
          type: 'object',
          properties: { id: { type: 'string' }, before: { type: 'object' }, after: { type: 'object' }, typeChanged: { type: 'boolean' }, fields: list({ type: 'string' }) },
        }),
        moved: list({ type: 'object', properties: { id: { type: 'string' }, from: { type: 'object' }, to: { type: 'object' } } }),
      },
    },
    edges: { type: 'object', properties: { added: list({ type: 'object' }), removed: list({ type: 'object' }) } },
    variables: { type: 'object', properties: { added: list({ type: 'object' }), removed: list({ type: 'object' }), changed: list({ type: 'object' }) } },
    settings: list(valueChange),
    meta: list(valueChange),
    textChanges: list({
      type: 'object',
      properties: { nodeId: { type: 'string' }, field: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' } },
      required: ['nodeId', 'field', 'before', 'after'],
    }),
  },
  required: ['from', 'to', 'summary', 'nodes', 'edges', 'variables', 'settings', 'meta', 'textChanges'],
};
const sideParam = (name: string, fallback: string) => ({
  name,
  in: 'query',
  required: false,
  schema: { type: 'string', pattern: '^(draft|live|[1-9][0-9]*)$', default: fallback },
  description: '`draft`, `live` or a version number',
});

export const flowTestPaths: Paths = {
  '/api/flows/{id}/tests': {
    get: operation({
      tag: 'Flow tests',
      summary: "The flow's test cases",
      access: 'editor',
      parameters: [flowId],
      responses: { ...ok(testsBody), ...errors(404) },
    }),
    put: operation({
      tag: 'Flow tests',
      summary: 'Replace all of the flow’s test cases',
      description: 'Does not change the draft’s revision. Invalid cases get 400 `invalid_tests` with paths like `tests.0.steps.1.input`.',
      access: 'editor',
      parameters: [flowId],
      body: testsBody,
      responses: { ...ok(testsBody), ...errors(404) },
    }),
  },
  '/api/flows/{id}/tests/run': {
    post: operation({
      tag: 'Flow tests',
      summary: 'Run all test cases on the draft, or on a version',
      description: 'The same engine and matching as the editor and publishing; the clock and randomness are fixed, so results repeat. For CI, use an API token.',
      access: 'editor',
      parameters: [
        flowId,
        { name: 'version', in: 'query', required: false, schema: { type: 'integer', minimum: 1 }, description: 'Run on this published version instead of the draft' },
      ],
      responses: { ...ok(runResult), ...errors(400, 404) },
    }),
  },
  '/api/flows/{id}/diff': {
    get: operation({
      tag: 'Versions',
      summary: 'What changed between two versions, or a version and the draft',
      description:
        'Nodes by id (moves on the canvas listed apart), edges by what they connect, variables, settings, and customer-visible texts before and after. ' +
        'When nothing is live, `from=live` compares with an empty flow.',
      access: 'editor',
      parameters: [flowId, sideParam('from', 'live'), sideParam('to', 'draft')],
      responses: { ...ok(diffResult), ...errors(400, 404) },
    }),
  },
};

export const testsFailed: JsonSchema = {
  allOf: [ref('Error'), { type: 'object', properties: { results: { type: 'array', items: caseResult } }, required: ['results'] }],
};
