import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../.artifacts');

/** A path under tests/e2e/.artifacts/ (gitignored) for screenshots and downloads. */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}
