import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { Reply, RouteDef } from '../contract/route';
import { parseInput } from './validate';
import { sendJson } from './sendJson';

type Parsed<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

/** What a handler gets: the request's parts already checked against the contract. */
export interface RouteInput<D extends RouteDef, B> {
  params: Parsed<D['params']>;
  query: Parsed<D['query']>;
  body: B;
  req: Request;
  res: Response;
}

export interface ServeOptions<B> {
  /** Run before validation: role checks, CORS, rate limits, body parsing. */
  before?: RequestHandler[];
  /**
   * Replaces the contract's body check, for bodies told apart by their keys or whose errors point
   * into a flow document (`nodes.<id>`); `'handler'` leaves the raw body to the handler, which
   * must answer 404 for a missing flow before it complains about the body.
   */
  parseBody?: ((raw: unknown, req: Request) => B) | 'handler';
  /** Maps a thrown domain error to an HttpError (the chat's ChatError). */
  mapError?: (err: unknown) => unknown;
  /**
   * Writes the JSON directly: for the chat's POST routes, which nobody caches, so Express's ETag
   * hashing and content negotiation would be work for nothing.
   */
  direct?: boolean;
}

type BodyOf<D extends RouteDef> = D['body'] extends z.ZodType ? z.output<D['body']> : undefined;

/** A router for one resource; routes are declared by their contract entry, paths and all. */
export class ContractRouter {
  readonly router = Router({ mergeParams: true });
  readonly routes: RouteDef[] = [];

  /** `prefix` is where the route table mounts this router; every route's path starts with it. */
  constructor(readonly prefix: string) {}

  /** As the route table mounts it. */
  mounted(): { path: string; router: Router } {
    return { path: this.prefix, router: this.router };
  }

  use(...handlers: RequestHandler[]): this {
    this.router.use(...handlers);
    return this;
  }

  /**
   * Declares a route by its contract entry. Then `.reply(handler)` serves JSON whose status and
   * body the compiler checks against the contract, or `.raw(handler)` lets the handler write its
   * own answer (files, HTML, downloads). Two steps, so the contract fixes the types before the
   * handler is read and its literal statuses stay literal.
   */
  on<D extends RouteDef, B = BodyOf<D>>(def: D, options: ServeOptions<B> = {}) {
    return {
      reply: (handler: (input: RouteInput<D, B>) => Promise<Reply<D>> | Reply<D>): void => {
        this.add(def, options, async (input, res) => {
          const reply = await handler(input);
          if (reply.body === undefined) res.status(reply.status).end();
          else if (options.direct) sendJson(res, reply.status, reply.body);
          else res.status(reply.status).json(reply.body);
        });
      },
      raw: (handler: (input: RouteInput<D, B>) => Promise<void> | void): void => {
        this.add(def, options, (input) => handler(input));
      },
    };
  }

  private add<D extends RouteDef, B>(
    def: D,
    options: ServeOptions<B>,
    run: (input: RouteInput<D, B>, res: Response) => Promise<void> | void,
  ): void {
    if (!def.path.startsWith(this.prefix)) throw new Error(`${def.path} is not under ${this.prefix}`);
    const local = this.prefix === '/' ? def.path : def.path.slice(this.prefix.length) || '/';
    const handler = async (req: Request, res: Response, next: NextFunction) => {
      try {
        const input = {
          params: def.params ? parseInput(def.params, req.params, 'params') : {},
          query: def.query ? parseInput(def.query, req.query, 'query') : {},
          body: parseBody(def, options, req),
          req,
          res,
        } as RouteInput<D, B>;
        await run(input, res);
      } catch (err) {
        next(options.mapError ? options.mapError(err) : err);
      }
    };
    this.router[def.method](local, ...(options.before ?? []), handler);
    this.routes.push(def);
  }
}

function parseBody<D extends RouteDef, B>(def: D, options: ServeOptions<B>, req: Request): unknown {
  if (options.parseBody === 'handler') return req.body;
  if (options.parseBody) return options.parseBody(req.body, req);
  // An empty POST counts as `{}`, as it always has: `{}` then fails a schema with required fields.
  return def.body ? parseInput(def.body, req.body ?? {}) : undefined;
}
