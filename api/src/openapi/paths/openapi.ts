import { ok, operation, type Paths } from '../helpers';

export const openapiPaths: Paths = {
  '/api/openapi.json': {
    get: operation({ tag: 'Meta', summary: 'This document', access: 'public', responses: ok({ type: 'object' }) }),
  },
};
