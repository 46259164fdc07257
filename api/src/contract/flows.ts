import { z } from 'zod';
import { defineRoute } from './route';
import { actorSchema, described, errorWith, named } from './common';
import {
  flowDocumentSchema,
  flowEdgeSchema,
  flowNodeSchema,
  flowSettingsSchema,
  idSchema,
  localeSchema,
  variableDefinitionSchema,
} from '../../../runtime/src/schema';
import { flowTestCaseSchema } from '../../../runtime/src/flowtests/schema';

// The runtime's own flow schema, named here so the document refers to one definition of a node.
named('FlowNode', flowNodeSchema, 'One step on the canvas; `type` decides the shape of `data`');
named('FlowEdge', flowEdgeSchema, 'A connection from an output handle to a step');
named('FlowSettings', flowSettingsSchema);
named('VariableDefinition', variableDefinitionSchema);
export const flowDocument = named('FlowDocument', flowDocumentSchema, 'A flow as saved, exported and published (runtime/flow.schema.json)');

export const flowIdParams = z.object({ id: described(idSchema, 'Flow id') });

export const problemSchema = named(
  'Problem',
  z.object({
    severity: z.enum(['error', 'warning']),
    code: z.string(),
    message: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
    handle: z.string().optional(),
  }),
  'One finding of the static validator',
);

const flowMeta = {
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedBy: actorSchema.nullable(),
  publishedVersion: z.number().int().nullable(),
  hasUnpublishedChanges: z.boolean(),
};
export const flowSummarySchema = named(
  'FlowSummary',
  z.object({ id: z.string(), name: z.string(), description: z.string(), locale: z.string(), ...flowMeta }),
);
/** `GET /api/flows/:id`: the document's own fields with the draft's bookkeeping beside them. */
export const flowSchema = named(
  'Flow',
  flowDocumentSchema.extend({ ...flowMeta, problems: z.array(problemSchema) }),
  'A draft: the document plus its revision, author, live version and problems',
);

export const createBlankBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(2000).optional(),
  locale: localeSchema.optional(),
});
export const createFromSampleBody = z.strictObject({
  sampleId: z.string().min(1),
  name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
});
/** `tests`: the flow's test cases, as in an export file (which may also carry them inside `document`). */
export const importBody = z.strictObject({ document: z.unknown(), tests: z.unknown().optional() });
export const saveWrappedBody = z.strictObject({ flow: z.unknown(), revision: z.number().int().min(1).optional() });
export const publishBody = z.strictObject({
  note: z.string().max(1000).default(''),
  /** Publishes despite failing flow tests; recorded on the version. Blank counts as absent. */
  overrideNote: z.string().max(1000).optional(),
});

/** For the document only: the server tells the three apart by key (see flows/requestBodies.ts). */
const createBody = z.union([
  createBlankBody,
  createFromSampleBody,
  z.strictObject({ document: flowDocumentSchema, tests: z.array(flowTestCaseSchema).optional() }),
]);
const saveBody = z.union([flowDocumentSchema, z.object({ flow: flowDocumentSchema, revision: z.number().int().min(1).optional() })]);

export const versionSchema = named(
  'Version',
  z.object({
    number: z.number().int(),
    note: z.string(),
    publishedAt: z.string(),
    publishedBy: actorSchema.nullable(),
    live: z.boolean(),
    overrideNote: described(z.string().optional(), 'Present when the version went live despite failing flow tests'),
    runningConversations: described(z.number().int().optional(), 'Conversations still running on this version, when the server runs chats'),
  }),
  'A published, immutable version',
);

export const caseReportSchema = named(
  'CaseReport',
  z.object({
    id: z.string(),
    name: z.string(),
    passed: z.boolean(),
    // Where the run first departs from the case; `step` counts from 0 (the start).
    firstDifference: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('text'), step: z.number().int(), index: z.number().int(), expected: z.string(), actual: z.string() }),
        z.object({ kind: z.literal('missing'), step: z.number().int(), index: z.number().int(), expected: z.string(), actual: z.null() }),
        z.object({ kind: z.literal('extra'), step: z.number().int(), index: z.number().int(), expected: z.null(), actual: z.string() }),
        z.object({
          kind: z.literal('status'),
          step: z.number().int(),
          expected: z.enum(['active', 'waiting', 'handedOff', 'completed', 'expired']),
          actual: z.enum(['active', 'waiting', 'handedOff', 'completed', 'expired']),
        }),
        z.object({
          kind: z.literal('variable'),
          step: z.number().int(),
          variable: z.string(),
          expected: z.union([z.string(), z.number(), z.boolean(), z.null()]),
          actual: z.union([z.string(), z.number(), z.boolean(), z.null()]),
        }),
        z.object({ kind: z.literal('error'), step: z.number().int(), expected: z.null(), actual: z.string() }),
      ])
      .optional(),
    message: described(z.string().optional(), 'firstDifference in words (English)'),
  }),
  "One test case's outcome",
);

const refusal = z.union([
  errorWith({ problems: z.array(problemSchema) }),
  errorWith({ results: z.array(caseReportSchema) }),
]);

export const flowRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/flows',
    tag: 'Flows',
    summary: 'List flows',
    access: 'editor',
    responses: { 200: z.object({ flows: z.array(flowSummarySchema) }) },
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/flows',
    tag: 'Flows',
    summary: 'Create a flow: blank, from a sample, or by importing a document',
    description:
      'An imported document gets a new id when its id is missing or already taken. Test cases come from `tests` beside `document`, ' +
      'or from a `tests` key inside it (as in an export file); a flow created from a sample gets the sample’s test cases.',
    access: 'editor',
    body: createBody,
    responses: { 201: flowSchema },
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/flows/:id',
    tag: 'Flows',
    summary: 'A draft with its revision and problems',
    access: 'editor',
    params: flowIdParams,
    responses: { 200: flowSchema },
    errors: [404],
  }),
  save: defineRoute({
    method: 'put',
    path: '/api/flows/:id',
    tag: 'Flows',
    summary: 'Save the draft',
    description:
      'Optimistic concurrency: send the revision you loaded as `If-Match` (or `revision` in the body). ' +
      'A stale revision gets 409 with `current: {revision, updatedAt, updatedBy}` and nothing is overwritten. ' +
      'The body is the document (meta fields from GET are ignored) or `{flow, revision}`.',
    access: 'editor',
    params: flowIdParams,
    headers: [{ name: 'If-Match', description: 'The revision, e.g. `7`' }],
    body: saveBody,
    responses: {
      200: flowSchema,
      409: errorWith({ current: z.object({ revision: z.number().int(), updatedAt: z.string(), updatedBy: actorSchema.nullable() }) }),
    },
    errors: [404, 428],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/flows/:id',
    tag: 'Flows',
    summary: 'Delete a flow and its versions',
    description:
      'The flow’s conversations are kept: they stay in the inbox history (`/api/conversations`) and in personal-data search (`/api/privacy`) until retention deletes them or an admin erases them. No new conversation can start with it.',
    access: 'editor',
    params: flowIdParams,
    responses: { 204: null },
    errors: [404],
  }),
  export: defineRoute({
    method: 'get',
    path: '/api/flows/:id/export',
    tag: 'Flows',
    summary: 'Download the draft as a document',
    description: 'The flow’s test cases, if any, are a `tests` key beside the document’s fields; importing the file restores them.',
    access: 'editor',
    params: flowIdParams,
    responses: {
      200: { description: 'The document, as an attachment', schema: flowDocumentSchema.extend({ tests: z.array(flowTestCaseSchema).optional() }) },
    },
    errors: [404],
  }),
  validate: defineRoute({
    method: 'post',
    path: '/api/flows/:id/validate',
    tag: 'Flows',
    summary: 'Run the validator on the draft, or on a document sent in the body',
    access: 'editor',
    params: flowIdParams,
    body: flowDocumentSchema,
    bodyOptional: true,
    responses: { 200: z.object({ problems: z.array(problemSchema) }) },
    errors: [404],
  }),
  publish: defineRoute({
    method: 'post',
    path: '/api/flows/:id/publish',
    tag: 'Versions',
    summary: 'Publish the draft as a new immutable version and make it live',
    description:
      'Refused with 422 `flow_has_errors` (details point at `nodes.<nodeId>`, plus `problems`) when the validator reports errors. ' +
      'Then the flow’s tests run: any failure refuses with 422 `tests_failed` (details `tests.<caseId>`, plus `results`) ' +
      'unless a non-blank `overrideNote` is sent, which is recorded on the version.',
    access: 'editor',
    params: flowIdParams,
    body: publishBody,
    responses: {
      201: z.object({ version: versionSchema }),
      422: { description: 'Validator errors (`flow_has_errors`, with `problems`) or failing tests (`tests_failed`, with `results`)', schema: refusal },
    },
    errors: [404],
  }),
  unpublish: defineRoute({
    method: 'post',
    path: '/api/flows/:id/unpublish',
    tag: 'Versions',
    summary: 'Take the flow offline; new chats get 404, running ones finish',
    access: 'editor',
    params: flowIdParams,
    responses: { 200: z.object({ publishedVersion: z.null() }) },
    errors: [404],
  }),
};
