import { rollbackBody } from '../../flows/requestBodies';
import { created, errors, fromZod, ok, operation, pathParam, ref, type Paths } from '../helpers';

const flowId = pathParam('id', 'Flow id');
const n = pathParam('n', 'Version number', { type: 'integer', minimum: 1 });

export const versionPaths: Paths = {
  '/api/flows/{id}/versions': {
    get: operation({
      tag: 'Versions',
      summary: 'Published versions, newest first',
      access: 'editor',
      parameters: [flowId],
      responses: {
        ...ok({ type: 'object', properties: { versions: { type: 'array', items: ref('Version') } }, required: ['versions'] }),
        ...errors(404),
      },
    }),
  },
  '/api/flows/{id}/versions/{n}': {
    get: operation({
      tag: 'Versions',
      summary: 'One version with its document',
      access: 'editor',
      parameters: [flowId, n],
      responses: {
        ...ok({ allOf: [ref('Version'), { type: 'object', properties: { flow: ref('FlowDocument') }, required: ['flow'] }] }),
        ...errors(400, 404),
      },
    }),
  },
  '/api/flows/{id}/versions/{n}/rollback': {
    post: operation({
      tag: 'Versions',
      summary: 'Publish a copy of version n as the next version and reset the draft to it',
      description:
        'The draft becomes version n\'s document, so a later publish does not ship the rolled-back edits again. Unpublished edits the draft held are kept as a new flow, named in `savedCopy`.',
      access: 'editor',
      parameters: [flowId, n],
      body: fromZod(rollbackBody, 'input'),
      responses: {
        ...created({
          type: 'object',
          properties: {
            version: ref('Version'),
            draft: { type: 'object', properties: { revision: { type: 'integer' } }, required: ['revision'] },
            savedCopy: {
              oneOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] }],
            },
          },
          required: ['version', 'draft', 'savedCopy'],
        }),
        ...errors(404, 409),
      },
    }),
  },
};
