import { z } from 'zod';
import { defineRoute } from './route';
import { named } from './common';

export const sampleSchema = named('Sample', z.object({ id: z.string(), name: z.string(), description: z.string(), locale: z.string() }), 'A sample flow to start from');

export const sampleRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/samples',
    tag: 'Flows',
    summary: 'Sample flows to start from',
    access: 'editor',
    responses: { 200: z.object({ samples: z.array(sampleSchema) }) },
  }),
};
