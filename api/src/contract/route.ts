import type { z } from 'zod';

// Browser-safe: the editor imports these types, so nothing here may pull in Node modules.

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call: documented per operation and enforced by `requireRole` (or the chat token) on the server. */
export type Access = 'public' | 'account' | 'admin' | 'editor' | 'agent' | 'chatSession';

/** A response that is not plain JSON, or one that needs its own description. */
export interface ResponseSpec {
  description: string;
  /** Absent for an empty body (204, 304). */
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
  /** Several forms by media type (a CSV or JSON download), instead of `schema`. */
  content?: Record<string, z.ZodType>;
}

/** Status -> body: a zod schema (JSON), a spec, or null for no body. */
export type Responses = { [status: number]: z.ZodType | ResponseSpec | null };

/** A request header the route reads, documented as an OpenAPI parameter. */
export interface HeaderParam {
  name: string;
  description: string;
  required?: boolean;
}

export interface RouteDef {
  method: Method;
  /** Express syntax, as mounted (`/api/users/:id`); the document shows it as `/api/users/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The body may be left out (e.g. validate the saved draft instead of a sent document). */
  bodyOptional?: boolean;
  /** The body is a file sent as is (not JSON), in one of these media types; `body` is then absent. */
  upload?: { contentTypes: string[]; description: string };
  headers?: HeaderParam[];
  responses: Responses;
  /** Error statuses answered with the standard error body (besides those `access` and `body` imply). */
  errors?: number[];
  /** Served by the HTTP upgrade handler, not an Express route. */
  websocket?: boolean;
}

/** Declares one route; `const` keeps the literal statuses so handlers are checked against them. */
export function defineRoute<const D extends RouteDef>(def: D): D {
  return def;
}

type SchemaOf<R> = R extends z.ZodType ? R : R extends { schema: infer S extends z.ZodType } ? S : never;

/** The body a route answers with for status `S`, as the client receives it. */
export type ResponseBody<D extends RouteDef, S extends keyof D['responses']> = z.output<SchemaOf<D['responses'][S]>>;

/** Every status a route declares, with its body: what a handler must return. */
export type Reply<D extends RouteDef> = {
  [S in keyof D['responses'] & number]: D['responses'][S] extends null
    ? { status: S; body?: undefined }
    : { status: S; body: z.output<SchemaOf<D['responses'][S]>> };
}[keyof D['responses'] & number];

/** The request body as a client sends it. */
export type RequestBody<D extends RouteDef> = D['body'] extends z.ZodType ? z.input<D['body']> : never;
/** The query string as a client sends it. */
export type RequestQuery<D extends RouteDef> = D['query'] extends z.ZodType ? z.input<D['query']> : never;
