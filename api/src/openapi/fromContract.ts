import { z } from 'zod';
import type { Access, ResponseSpec, RouteDef } from '../contract/route';
import { apiRegistry, errorSchema } from '../contract/common';

export type JsonSchema = Record<string, unknown>;
export type Operation = Record<string, unknown>;
export type Paths = Record<string, Record<string, Operation>>;

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
  503: 'Unavailable',
};

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

/**
 * Collects the named schemas (`named()` in contract/common.ts) every route refers to into `components.schemas`.
 * Requests are read as zod *input* (defaults optional) and responses as *output*; where the two
 * differ, the input form is stored as `<Name>Input`.
 */
export class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  constructor() {
    // Every named schema's output form first, so it takes the plain name and an input form that
    // differs is the one renamed, whichever route happens to come first.
    for (const schema of apiRegistry._idmap.values()) this.convert(schema as z.ZodType, 'output');
  }

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const generated = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      target: 'draft-2020-12',
      metadata: apiRegistry,
      // `.describe()` writes to zod's global registry; its descriptions count too.
      override: ({ zodSchema, jsonSchema }) => {
        const description = z.globalRegistry.get(zodSchema)?.description;
        if (description && jsonSchema.description === undefined) jsonSchema.description = description;
      },
    });
    const { $schema: _drop, $defs, ...rest } = generated as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const defs = $defs ?? {};
    // A definition keeps its name when it is the one already listed; one that differs (or refers
    // to one that differs) is the input form and gets `Input`. Repeated until nothing changes.
    const renamed = new Set<string>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, def] of Object.entries(defs)) {
        const existing = this.components[name];
        if (renamed.has(name) || existing === undefined) continue;
        if (!same(existing, rewriteRefs(def, (n) => n)) || refersTo(def, renamed)) {
          renamed.add(name);
          changed = true;
        }
      }
    }
    const target = (name: string) => (renamed.has(name) ? `${name}Input` : name);
    const rewrite = (value: unknown) => rewriteRefs(value, target);
    for (const [name, def] of Object.entries(defs)) this.components[target(name)] ??= rewrite(def) as JsonSchema;
    // A top-level schema that is itself named comes back as a bare $ref plus its $defs entry.
    return rewrite(rest) as JsonSchema;
  }
}

function rewriteRefs(value: unknown, target: (name: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, target));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/') ? `#/components/schemas/${target(v.slice(8))}` : rewriteRefs(v, target);
  }
  return out;
}

function refersTo(value: unknown, names: Set<string>): boolean {
  const text = JSON.stringify(value);
  for (const name of names) if (text.includes(`"#/$defs/${name}"`)) return true;
  return false;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

function parameters(def: RouteDef, schemas: SchemaCollector): unknown[] {
  const out: unknown[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return;
    const converted = schemas.convert(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(converted.properties ?? {})) {
      const { description, ...rest } = prop;
      out.push({
        name,
        in: where,
        required: where === 'path' || (converted.required ?? []).includes(name),
        ...(typeof description === 'string' ? { description } : {}),
        schema: rest,
      });
    }
  };
  add('path', def.params);
  add('query', def.query);
  for (const h of def.headers ?? []) out.push({ name: h.name, in: 'header', required: h.required ?? false, description: h.description, schema: { type: 'string' } });
  return out;
}

function isSpec(value: unknown): value is ResponseSpec {
  return typeof value === 'object' && value !== null && 'description' in value && !(value instanceof z.ZodType);
}

function response(status: number, value: z.ZodType | ResponseSpec | null, schemas: SchemaCollector): JsonSchema {
  if (value === null) return { description: status === 204 ? 'Done' : ERROR_TEXT[status] ?? 'No content' };
  if (isSpec(value)) {
    if (value.content) {
      const content = Object.fromEntries(Object.entries(value.content).map(([type, schema]) => [type, { schema: schemas.convert(schema, 'output') }]));
      return { description: value.description, content };
    }
    if (!value.schema) return { description: value.description };
    return { description: value.description, content: { [value.contentType ?? 'application/json']: { schema: schemas.convert(value.schema, 'output') } } };
  }
  const description = status === 201 ? 'Created' : status < 300 ? 'OK' : (ERROR_TEXT[status] ?? 'Error');
  return { description, content: json(schemas.convert(value, 'output')) };
}

function uploadBody(upload: NonNullable<RouteDef['upload']>) {
  const file = { schema: { type: 'string', format: 'binary' } };
  return { required: true, description: upload.description, content: Object.fromEntries(upload.contentTypes.map((type) => [type, file])) };
}

/** One contract route as an OpenAPI 3.1 operation. */
export function operationOf(def: RouteDef, schemas: SchemaCollector): Operation {
  const authErrors = def.access === 'public' ? [] : def.access === 'chatSession' ? [401] : [401, 403];
  // Routers parse any JSON body a change is sent with, so a bad one is refused even where the
  // route reads none.
  const bodyErrors = def.body || def.upload || def.method !== 'get' ? [400, 413, 415] : [];
  const inputErrors = def.params || def.query ? [400] : [];
  const responses: Record<string, unknown> = {};
  for (const [status, value] of Object.entries(def.responses)) responses[status] = response(Number(status), value, schemas);
  const errorRef = schemas.convert(errorSchema, 'output');
  if (def.upload) responses['415'] = { description: 'The file is not of an accepted type', content: json(errorRef) };
  for (const status of [...(def.errors ?? []), ...authErrors, ...bodyErrors, ...inputErrors]) {
    responses[String(status)] ??= { description: ERROR_TEXT[status] ?? 'Error', content: json(errorRef) };
  }
  const params = parameters(def, schemas);
  return {
    tags: [def.tag],
    summary: def.summary,
    description: [def.description, ACCESS_NOTE[def.access]].filter(Boolean).join('\n\n'),
    security: SECURITY[def.access],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(def.body ? { requestBody: { required: !def.bodyOptional, content: json(schemas.convert(def.body, 'input')) } } : {}),
    ...(def.upload ? { requestBody: uploadBody(def.upload) } : {}),
    responses,
    ...(def.websocket ? { 'x-websocket': true } : {}),
  };
}

/** `/api/flows/:id` as OpenAPI writes it: `/api/flows/{id}`. */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

export function pathsOf(routes: readonly RouteDef[], schemas: SchemaCollector): Paths {
  const paths: Paths = {};
  for (const def of routes) {
    const path = toOpenApiPath(def.path);
    (paths[path] ??= {})[def.method] = operationOf(def, schemas);
  }
  return paths;
}
