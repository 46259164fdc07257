import type { RequestHandler } from 'express';

/**
 * Runs a header-only middleware (helmet) once against a recording response and returns a
 * middleware that replays what it did: the same headers on every response for one loop over a
 * short list, instead of a chain of a dozen middleware calls per request. Refuses, at start-up,
 * a middleware whose output could depend on the request (one that reads it, or fails).
 */
export function staticHeaders(middleware: RequestHandler): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  let finished = false;
  const req = new Proxy(
    {},
    {
      get(_t, prop) {
        throw new Error(`staticHeaders: the middleware reads req.${String(prop)}, so its headers are not static`);
      },
    },
  );
  const res = {
    setHeader(name: string, value: unknown) {
      if (typeof value !== 'string') throw new Error(`staticHeaders: ${name} is not a plain string`);
      set.push([name, value]);
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  void middleware(req as never, res as never, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error(String(err));
    finished = true;
  });
  if (!finished) throw new Error('staticHeaders: the middleware did not call next() synchronously');
  return (_req, response, next) => {
    for (const name of removed) response.removeHeader(name);
    for (const [name, value] of set) response.setHeader(name, value);
    next();
  };
}
