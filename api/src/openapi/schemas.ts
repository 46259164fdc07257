import { z } from 'zod';
import { flowDocumentSchema } from '../../../runtime/src/schema';
import { ROLES } from '../storage/userStore';
import { orgSettingsSchema } from '../storage/settingsStore';
import { fromZod, ref, type JsonSchema } from './helpers';

const detail = z.object({ path: z.string(), message: z.string() });
const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(detail) }),
});
const actor = z.object({ id: z.string(), name: z.string() }).nullable();
const user = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES) });
const token = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
const problem = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  handle: z.string().optional(),
});
const flowMeta = {
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedBy: actor,
  publishedVersion: z.number().int().nullable(),
  hasUnpublishedChanges: z.boolean(),
};
const flowSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  locale: z.string(),
  ...flowMeta,
});
const version = z.object({
  number: z.number().int(),
  note: z.string(),
  publishedAt: z.string(),
  publishedBy: actor,
  live: z.boolean(),
  overrideNote: z.string().optional(),
});
const sample = z.object({ id: z.string(), name: z.string(), description: z.string(), locale: z.string() });

/** `components.schemas`, generated from the same zod schemas the server validates with. */
export function componentSchemas(): Record<string, JsonSchema> {
  return {
    Error: fromZod(errorSchema),
    User: fromZod(user),
    ApiToken: fromZod(token),
    Settings: fromZod(orgSettingsSchema),
    Problem: fromZod(problem),
    FlowDocument: fromZod(flowDocumentSchema, 'output'),
    FlowDocumentInput: fromZod(flowDocumentSchema, 'input'),
    FlowSummary: fromZod(flowSummary),
    Flow: {
      allOf: [
        ref('FlowDocument'),
        {
          type: 'object',
          properties: {
            ...(fromZod(z.object(flowMeta)).properties as JsonSchema),
            problems: { type: 'array', items: ref('Problem') },
          },
          required: [...Object.keys(flowMeta), 'problems'],
        },
      ],
    },
    Version: fromZod(version),
    Sample: fromZod(sample),
  };
}
