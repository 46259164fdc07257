import { ok, operation, ref, type Paths } from '../helpers';

export const samplePaths: Paths = {
  '/api/samples': {
    get: operation({
      tag: 'Flows',
      summary: 'Sample flows to start from',
      access: 'editor',
      responses: ok({ type: 'object', properties: { samples: { type: 'array', items: ref('Sample') } }, required: ['samples'] }),
    }),
  },
};
