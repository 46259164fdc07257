import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Vite puts every fingerprinted file under assets/: its name changes whenever its content does. */
const HASHED_DIR = `${path.sep}assets${path.sep}`;
const ONE_YEAR_S = 365 * 24 * 60 * 60;

function cacheHeaders(res: ServerResponse, file: string): void {
  res.setHeader('Cache-Control', file.includes(HASHED_DIR) ? `public, max-age=${ONE_YEAR_S}, immutable` : 'no-cache');
}

/**
 * Serves the built editor, and its index.html for any other page GET so that client-side routes
 * survive a reload. `/api` is never answered with HTML: an API typo must get a JSON 404.
 * The build writes a `.br` and a `.gz` beside each text asset; the browser gets the best one it
 * accepts (with `Content-Encoding`, `Vary: Accept-Encoding` and the ETag of that file), so a cold
 * load moves a fraction of the bytes without compressing anything per request.
 */
export function editorStatic(dist: string): RequestHandler[] {
  const index = path.join(dist, 'index.html');
  const spaFallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) return next();
    if (!req.accepts('html')) return next();
    // index.html names the current asset hashes, so it must be revalidated on every load.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  const assets = expressStaticGzip(dist, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: { index: false, cacheControl: false, setHeaders: cacheHeaders },
  });
  return [assets as RequestHandler, spaFallback];
}
