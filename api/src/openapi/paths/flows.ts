import { createBlankBody, createFromSampleBody, publishBody } from '../../flows/requestBodies';
import { created, errors, fromZod, json, noContent, ok, operation, pathParam, ref, type Paths } from '../helpers';
import { testsFailed } from './flowTests';

const flowId = pathParam('id', 'Flow id');
const problems = { type: 'object', properties: { problems: { type: 'array', items: ref('Problem') } }, required: ['problems'] };
const versionResponse = { type: 'object', properties: { version: ref('Version') }, required: ['version'] };

export const flowPaths: Paths = {
  '/api/flows': {
    get: operation({
      tag: 'Flows',
      summary: 'List flows',
      access: 'editor',
      responses: ok({ type: 'object', properties: { flows: { type: 'array', items: ref('FlowSummary') } }, required: ['flows'] }),
    }),
    post: operation({
      tag: 'Flows',
      summary: 'Create a flow: blank, from a sample, or by importing a document',
      description:
        'An imported document gets a new id when its id is missing or already taken. Test cases come from `tests` beside `document`, ' +
        'or from a `tests` key inside it (as in an export file); a flow created from a sample gets the sample’s test cases.',
      access: 'editor',
      body: {
        oneOf: [
          fromZod(createBlankBody, 'input'),
          fromZod(createFromSampleBody, 'input'),
          {
            type: 'object',
            properties: { document: ref('FlowDocumentInput'), tests: { type: 'array', items: { type: 'object' } } },
            required: ['document'],
            additionalProperties: false,
          },
        ],
      },
      responses: created(ref('Flow')),
    }),
  },
  '/api/flows/{id}': {
    get: operation({ tag: 'Flows', summary: 'A draft with its revision and problems', access: 'editor', parameters: [flowId], responses: { ...ok(ref('Flow')), ...errors(404) } }),
    put: operation({
      tag: 'Flows',
      summary: 'Save the draft',
      description:
        'Optimistic concurrency: send the revision you loaded as `If-Match` (or `revision` in the body). ' +
        'A stale revision gets 409 with `current: {revision, updatedAt, updatedBy}` and nothing is overwritten. ' +
        'The body is the document (meta fields from GET are ignored) or `{flow, revision}`.',
      access: 'editor',
      parameters: [flowId, { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The revision, e.g. `7`' }],
      body: {
        oneOf: [
          ref('FlowDocumentInput'),
          { type: 'object', properties: { flow: ref('FlowDocumentInput'), revision: { type: 'integer' } }, required: ['flow'] },
        ],
      },
      responses: { ...ok(ref('Flow')), ...errors(404, 409, 428) },
    }),
    delete: operation({
      tag: 'Flows',
      summary: 'Delete a flow and its versions',
      description:
        'The flow’s conversations are kept: they stay in the inbox history (`/api/conversations`) and in personal-data search (`/api/privacy`) until retention deletes them or an admin erases them. Customers still chatting with it are told the chat is no longer available.',
      access: 'editor',
      parameters: [flowId],
      responses: { ...noContent, ...errors(404) },
    }),
  },
  '/api/flows/{id}/export': {
    get: operation({
      tag: 'Flows',
      summary: 'Download the draft as a document',
      description: 'The flow’s test cases, if any, are a `tests` key beside the document’s fields; importing the file restores them.',
      access: 'editor',
      parameters: [flowId],
      responses: { '200': { description: 'The document, as an attachment', content: json(ref('FlowDocument')) }, ...errors(404) },
    }),
  },
  '/api/flows/{id}/validate': {
    post: {
      ...operation({
        tag: 'Flows',
        summary: "Run the validator on the draft, or on a document sent in the body",
        access: 'editor',
        parameters: [flowId],
        responses: { ...ok(problems), ...errors(400, 404, 413, 415) },
      }),
      requestBody: { required: false, content: json(ref('FlowDocumentInput')) },
    },
  },
  '/api/flows/{id}/publish': {
    post: operation({
      tag: 'Versions',
      summary: 'Publish the draft as a new immutable version and make it live',
      description:
        'Refused with 422 `flow_has_errors` (details point at `nodes.<nodeId>`, plus `problems`) when the validator reports errors. ' +
        'Then the flow’s tests run: any failure refuses with 422 `tests_failed` (details `tests.<caseId>`, plus `results`) ' +
        'unless a non-blank `overrideNote` is sent, which is recorded on the version.',
      access: 'editor',
      parameters: [flowId],
      body: fromZod(publishBody, 'input'),
      responses: {
        ...created(versionResponse),
        ...errors(404),
        '422': { description: 'Validator errors (`flow_has_errors`, with `problems`) or failing tests (`tests_failed`, with `results`)', content: json({ oneOf: [ref('Error'), testsFailed] }) },
      },
    }),
  },
  '/api/flows/{id}/unpublish': {
    post: operation({
      tag: 'Versions',
      summary: 'Take the flow offline; new chats get 404, running ones finish',
      access: 'editor',
      parameters: [flowId],
      responses: {
        ...ok({ type: 'object', properties: { publishedVersion: { type: 'null' } }, required: ['publishedVersion'] }),
        ...errors(404),
      },
    }),
  },
};
