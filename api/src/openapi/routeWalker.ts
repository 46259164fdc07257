import { toOpenApiPath } from './fromContract';

/** One route as Express will match it, in OpenAPI path syntax (`/api/flows/{id}`). */
export interface RouteEntry {
  method: string;
  path: string;
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

function join(prefix: string, path: string): string {
  const joined = `${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}


/**
 * Lists every method+path an Express 5 app (or router) serves, descending into mounted routers.
 * Middleware-only layers (`app.use(fn)`) are not routes and are skipped; a string path is
 * required, because regular-expression routes cannot be documented.
 */
export function listRoutes(root: object): RouteEntry[] {
  // Express's own types do not describe the router internals (`stack`, `rawPath`) read here.
  const node = root as { router?: { stack?: LayerLike[] }; stack?: LayerLike[] };
  const stack = node.router?.stack ?? node.stack ?? [];
  const out: RouteEntry[] = [];
  const walk = (layers: LayerLike[], prefix: string) => {
    for (const layer of layers) {
      if (layer.route) {
        if (typeof layer.route.path !== 'string') throw new Error(`Route with a non-string path under ${prefix}`);
        const path = toOpenApiPath(join(prefix, layer.route.path));
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') out.push({ method, path });
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '/';
        walk(layer.handle.stack, join(prefix, mount));
      }
    }
  };
  walk(stack, '');
  return out;
}
