import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;
export type Operation = Record<string, unknown>;
export type PathItem = Record<string, Operation>;
export type Paths = Record<string, PathItem>;

/** A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema, without the `$schema` key. */
export function fromZod(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

export const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request (bad JSON, or a field failed validation; see details)',
  401: 'Not signed in',
  403: 'Wrong role, or a missing CSRF token',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Body is not application/json',
  422: 'Cannot be processed',
  428: 'A revision is required',
  429: 'Too many requests',
};

export function errors(...statuses: number[]): Record<string, unknown> {
  return Object.fromEntries(
    statuses.map((s) => [String(s), { description: ERROR_TEXT[s] ?? 'Error', content: json(ref('Error')) }]),
  );
}

export const pathParam = (name: string, description: string, schema: JsonSchema = { type: 'string' }) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});

/** Who may call: documented per operation and enforced by `requireRole` in the routers. */
export type Access = 'public' | 'account' | 'admin' | 'editor' | 'agent' | 'chatSession';

const SECURITY: Record<Access, unknown[]> = {
  public: [],
  account: [{ cookieSession: [] }, { apiToken: [] }],
  admin: [{ cookieSession: [] }, { apiToken: [] }],
  editor: [{ cookieSession: [] }, { apiToken: [] }],
  agent: [{ cookieSession: [] }, { apiToken: [] }],
  chatSession: [{ chatSessionToken: [] }],
};

const ACCESS_NOTE: Record<Access, string> = {
  public: 'No account needed.',
  account: 'Any signed-in account.',
  admin: 'Role: admin.',
  editor: 'Roles: editor, admin.',
  agent: 'Roles: agent, admin.',
  chatSession: 'The chat session token as `Authorization: Bearer`.',
};

export function operation(input: {
  tag: string;
  summary: string;
  access: Access;
  description?: string;
  parameters?: unknown[];
  body?: JsonSchema;
  responses: Record<string, unknown>;
}): Operation {
  const changes = input.body !== undefined;
  const authErrors = input.access === 'public' ? [] : input.access === 'chatSession' ? [401] : [401, 403];
  return {
    tags: [input.tag],
    summary: input.summary,
    description: [input.description, ACCESS_NOTE[input.access]].filter(Boolean).join('\n\n'),
    security: SECURITY[input.access],
    ...(input.parameters ? { parameters: input.parameters } : {}),
    ...(changes ? { requestBody: { required: true, content: json(input.body!) } } : {}),
    responses: { ...input.responses, ...errors(...authErrors, ...(changes ? [400, 413, 415] : [])) },
  };
}

export const noContent = { '204': { description: 'Done' } };
export const ok = (schema: JsonSchema, description = 'OK') => ({ '200': { description, content: json(schema) } });
export const created = (schema: JsonSchema, description = 'Created') => ({ '201': { description, content: json(schema) } });
