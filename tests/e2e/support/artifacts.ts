import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../.artifacts');

/** A path under tests/e2e/.artifacts/ (gitignored) for screenshots and downloads. */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

const DOCS_SCREENSHOTS = path.resolve(import.meta.dirname, '../../../docs/screenshots');

/**
 * Copies a screenshot to docs/screenshots (shown in README) when asked with
 * UPDATE_SCREENSHOTS=1 or when it is missing, so ordinary test runs leave the tree clean.
 */
export function publishScreenshot(artifactFile: string, name: string): void {
  const target = path.join(DOCS_SCREENSHOTS, name);
  if (process.env.UPDATE_SCREENSHOTS !== '1' && existsSync(target)) return;
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  copyFileSync(artifactFile, target);
}
