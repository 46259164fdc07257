import type { Express, Request, Response } from 'express';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { z } from 'zod';
import { contractRoutes, type RouteDef } from '../../../api/src/contract';
import { errorSchema } from '../../../api/src/contract/common';
import { buildOpenApiDocument } from '../../../api/src/openapi/document';
import { toOpenApiPath } from '../../../api/src/openapi/fromContract';

/**
 * Holds every answer an API test gets to the contract: the body must parse with the route's zod
 * schema for that status (or the error schema for a 4xx/5xx it does not list) and validate, with
 * Ajv, against the generated OpenAPI document, so an undocumented field fails too.
 */
export interface ContractCheck {
  violations: string[];
  /** How many answers were checked, so a test can tell the check ran. */
  checked: number;
}

type Doc = ReturnType<typeof buildOpenApiDocument> & {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
};

let shared: { doc: Doc; ajv: Ajv2020; compiled: Map<string, ValidateFunction> } | null = null;
function documentValidators() {
  shared ??= {
    doc: buildOpenApiDocument() as Doc,
    ajv: new Ajv2020({ strict: false, allErrors: true, validateFormats: false }),
    compiled: new Map(),
  };
  return shared;
}

interface Matcher {
  route: RouteDef;
  pattern: RegExp;
  params: number;
}
const matchers: Matcher[] = contractRoutes()
  .filter((r) => !r.websocket)
  .map((route) => ({
    route,
    pattern: new RegExp(`^${route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]\w*/g, '[^/]+')}/?$`),
    params: (route.path.match(/:/g) ?? []).length,
  }))
  // A literal segment wins over a parameter, as the routers declare them.
  .sort((a, b) => a.params - b.params);

export function routeFor(method: string, path: string): RouteDef | null {
  return matchers.find((m) => m.route.method === method.toLowerCase() && m.pattern.test(path))?.route ?? null;
}

function schemaFor(route: RouteDef, status: number, contentType: string): z.ZodType | null | undefined {
  const spec = route.responses[status];
  if (spec === undefined) return status >= 400 ? errorSchema : undefined;
  if (spec === null) return null;
  if ('safeParse' in spec) return spec as z.ZodType;
  const type = contentType.split(';')[0]!.trim();
  if (spec.content) return spec.content[type] ?? null;
  // A page route (text/html) that fails as the API does, before reaching its router.
  if (spec.contentType && spec.contentType !== type && type === 'application/json' && status >= 400) return errorSchema;
  return spec.schema ?? null;
}

export function checkAnswer(route: RouteDef, status: number, contentType: string, text: string): string | null {
  const where = `${route.method.toUpperCase()} ${route.path} → ${status}`;
  const schema = schemaFor(route, status, contentType);
  if (schema === undefined) return `${where}: status not in the contract`;
  if (schema === null) return text === '' ? null : `${where}: the contract says no body for ${contentType || 'this answer'}`;
  if (!contentType.startsWith('application/json')) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${where}: body is not JSON`;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return `${where}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`;
  // Any route may fail unexpectedly; the document lists the errors a client should plan for.
  if (status >= 500 && route.responses[status] === undefined && !route.errors?.includes(status)) return null;
  // A page's 404 in the API's JSON (the page router not mounted): its documented form is HTML.
  if (schema === errorSchema && route.responses[status] != null) return null;
  const { doc, ajv, compiled } = documentValidators();
  const key = `${route.method} ${route.path} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    const documented = doc.paths[toOpenApiPath(route.path)]?.[route.method]?.responses[String(status)]?.content?.['application/json']?.schema;
    if (!documented) return `${where}: not in the OpenAPI document`;
    validate = ajv.compile({ ...documented, components: doc.components });
    compiled.set(key, validate);
  }
  if (!validate(body)) return `${where}: OpenAPI: ${ajv.errorsText(validate.errors)}`;
  return null;
}

/** Watches every answer `app` sends; the caller fails the run if `violations` is not empty. */
export function watchContract(app: Express): ContractCheck {
  const result: ContractCheck = { violations: [], checked: 0 };
  const handle = (app as unknown as { handle: (req: Request, res: Response, next?: unknown) => void }).handle.bind(app);
  (app as unknown as { handle: typeof handle }).handle = (req, res, next) => {
    const route = routeFor(req.method, (req.originalUrl ?? req.url).split('?')[0]!);
    if (route) {
      const chunks: Buffer[] = [];
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        if (chunk) chunks.push(Buffer.from(chunk as string));
        return write(chunk, ...rest);
      }) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as string));
        const encoded = String(res.getHeader('content-encoding') ?? '') !== '';
        if (!encoded && req.method !== 'HEAD') {
          result.checked++;
          const problem = checkAnswer(route, res.statusCode, String(res.getHeader('content-type') ?? ''), Buffer.concat(chunks).toString('utf8'));
          if (problem) result.violations.push(problem);
        }
        return end(chunk, ...rest);
      }) as typeof res.end;
    }
    handle(req, res, next);
  };
  return result;
}
