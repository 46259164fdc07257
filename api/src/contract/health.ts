import { z } from 'zod';
import { defineRoute } from './route';

const readinessSchema = z.object({
  ready: z.boolean(),
  shuttingDown: z.boolean().describe('True from SIGTERM until the process exits'),
  checks: z.record(z.string(), z.boolean()).describe('Each shared dependency (database, redis) and whether it answered within a second'),
});

export const healthRoutes = {
  live: defineRoute({
    method: 'get',
    path: '/healthz',
    tag: 'Health',
    summary: 'The process is alive',
    description: 'Answers 200 as long as the process serves HTTP, also while it shuts down; asks no dependency.',
    access: 'public',
    responses: { 200: z.object({ status: z.literal('ok') }) },
  }),
  ready: defineRoute({
    method: 'get',
    path: '/readyz',
    tag: 'Health',
    summary: 'This instance should get traffic',
    description:
      'Answers 200 when PostgreSQL (with DATABASE_URL) and Redis (with REDIS_URL) answer, and 503 when one does not or the server is shutting down (after SIGTERM).',
    access: 'public',
    responses: {
      200: { description: 'Ready', schema: readinessSchema },
      503: { description: 'Not ready: a dependency did not answer, or shutting down', schema: readinessSchema },
    },
  }),
};
