import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TrainedModel } from '../../../runtime/src/nlu/model';
import { parseFlowModels } from '../../../runtime/src/nlu/modelSchema';

export type FlowModels = Record<string, TrainedModel>;

/**
 * Trained intent models of published versions. Kept apart from the lowdb documents: weights run
 * to hundreds of KB per node, and lowdb rewrites its whole file on every save.
 */
export interface FlowModelStore {
  save(flowId: string, version: number, models: FlowModels): Promise<void>;
  /** Null when the version has no stored models (published before models were stored). */
  load(flowId: string, version: number): Promise<FlowModels | null>;
  deleteFlow(flowId: string): Promise<void>;
}

export class InvalidModelsError extends Error {
  override name = 'InvalidModelsError';
}

/** Stored models, checked: a back end hands out only models the runtime can use. */
export function checkedModels(raw: unknown, flowId: string, version: number): FlowModels {
  const parsed = parseFlowModels(raw);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    throw new InvalidModelsError(`The stored models of ${flowId} v${version} are invalid: ${first?.path} ${first?.message}`);
  }
  return parsed.models;
}

// Flow ids are user-chosen; encoding keeps "../x" or "a/b" inside the models directory.
const dirName = (flowId: string) => encodeURIComponent(flowId).replaceAll('.', '%2E');

/** Where fileModelStore keeps a version's models (the PostgreSQL migration reads them from there). */
export const modelFileOf = (dataDir: string, flowId: string, version: number): string =>
  path.join(dataDir, 'models', dirName(flowId), `v${version}.json`);

/** DATA_DIR/models/<flowId>/v<N>.json, written atomically. */
export function fileModelStore(dataDir: string): FlowModelStore {
  const root = path.join(dataDir, 'models');
  const fileOf = (flowId: string, version: number) => modelFileOf(dataDir, flowId, version);
  return {
    async save(flowId, version, models) {
      const file = fileOf(flowId, version);
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(models));
      await rename(temp, file);
    },
    async load(flowId, version) {
      let text: string;
      try {
        text = await readFile(fileOf(flowId, version), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      return checkedModels(JSON.parse(text), flowId, version);
    },
    async deleteFlow(flowId) {
      await rm(path.join(root, dirName(flowId)), { recursive: true, force: true });
    },
  };
}
