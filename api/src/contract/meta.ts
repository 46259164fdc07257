import { z } from 'zod';
import { defineRoute } from './route';

export const metaRoutes = {
  openapi: defineRoute({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'Meta',
    summary: 'This document',
    access: 'public',
    responses: { 200: { description: 'The OpenAPI 3.1 document', schema: z.record(z.string(), z.unknown()) } },
  }),
};
