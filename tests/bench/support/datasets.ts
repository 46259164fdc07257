import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the public benchmark data sets live: outside the repo, so a clean clone has none.
 * `SWITCHBOARD_DATASETS` names the folder; by default it is `../shared/datasets` beside the repo.
 */
export function datasetsDir(): string {
  const fromEnv = process.env.SWITCHBOARD_DATASETS;
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(fromEnv);
  return path.resolve(import.meta.dirname, '../../../../shared/datasets');
}

/** The path of `relative` under the data sets folder, or null (after saying so) when it is absent. */
export function datasetFile(relative: string): string | null {
  const file = path.join(datasetsDir(), relative);
  if (existsSync(file)) return file;
  console.log(`SKIPPED: ${file} not found (set SWITCHBOARD_DATASETS to the folder holding banking77/ and clinc150/)`);
  return null;
}
