import path from 'node:path';
import express, { type RequestHandler } from 'express';

/**
 * Serves the built editor, and its index.html for any other page GET so that client-side routes
 * survive a reload. `/api` is never answered with HTML: an API typo must get a JSON 404.
 */
export function editorStatic(dist: string): RequestHandler[] {
  const index = path.join(dist, 'index.html');
  const spaFallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  // Vite fingerprints assets, so they can be cached for long; index.html must always revalidate.
  return [express.static(dist, { index: false, maxAge: '1y', immutable: true }), spaFallback];
}
