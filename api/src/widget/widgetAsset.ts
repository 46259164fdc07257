import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

export interface WidgetAsset {
  body: Buffer;
  gzipped: Buffer;
  /** Short content hash: the ETag, and the `?v=` that makes a URL safe to cache for a year. */
  hash: string;
}

/**
 * widget.js from the build, read and compressed once per build (re-read when its mtime moves,
 * so rebuilding under a running server is picked up). Null when it has not been built.
 */
export function widgetAssetLoader(file: string): () => Promise<WidgetAsset | null> {
  let cached: { mtimeMs: number; asset: WidgetAsset } | null = null;
  return async () => {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(file)).mtimeMs;
    } catch {
      return null;
    }
    if (cached?.mtimeMs === mtimeMs) return cached.asset;
    const body = await readFile(file);
    const asset = { body, gzipped: gzipSync(body, { level: 9 }), hash: createHash('sha256').update(body).digest('hex').slice(0, 16) };
    cached = { mtimeMs, asset };
    return asset;
  };
}
