import { z } from 'zod';
import { nodeSchemaOf, variableNameSchema } from '../common';
import { HTTP_METHODS, MAX_RESPONSE_BYTES_LIMIT, MAX_TIMEOUT_MS } from '../../http/types';

export const httpHeaderSchema = z.strictObject({
  name: z.string().max(200),
  /** May hold `{{variables}}` and `{{secret.NAME}}`. */
  value: z.string().max(2000),
});

export const responseMappingSchema = z.strictObject({
  /** `$.order.status`, `order.items[0].name`. */
  path: z.string().max(500),
  variable: variableNameSchema,
});

// URLs and bodies stay plain strings so a half-typed draft still saves; the validator reports them.
export const httpRequestDataSchema = z.strictObject({
  method: z.enum(HTTP_METHODS),
  url: z.string().max(2000),
  headers: z.array(httpHeaderSchema).max(50),
  /** A JSON document with `{{variables}}`; ignored for GET. */
  body: z.string().max(20_000).optional(),
  /** Defaults to 5 s. */
  timeoutMs: z.number().int().min(1).max(MAX_TIMEOUT_MS).optional(),
  responseMapping: z.array(responseMappingSchema).max(50),
  /** Defaults to 256 KB. */
  maxResponseBytes: z.number().int().min(1).max(MAX_RESPONSE_BYTES_LIMIT).optional(),
  /** Receives the error kind (`status`, `timeout`, `invalidJson`, `refused`, ...) on `error`. */
  errorVariable: variableNameSchema.optional(),
});
export const httpRequestNodeSchema = nodeSchemaOf('httpRequest', httpRequestDataSchema);
export type HttpRequestNode = z.infer<typeof httpRequestNodeSchema>;
export type HttpRequestData = HttpRequestNode['data'];

export const httpRequestHandles = (_data: HttpRequestData): string[] => ['success', 'error'];
