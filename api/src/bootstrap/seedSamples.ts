import type { Logger } from 'pino';
import type { Stores } from '../storage/stores';
import { allSampleFlows, sampleTests } from '../flows/sampleCatalog';
import { errorsOf, problemsOf } from '../flows/problems';

/**
 * First start: every sample becomes a flow (keeping its id, so its chat URL is predictable) and
 * is published as version 1, so the chat works out of the box. Re-running after a crash part-way
 * only fills in what is missing; once done it never runs again, so deleted samples stay deleted.
 */
export async function seedSamples(stores: Stores, logger: Logger): Promise<number> {
  if (await stores.settings.isDone('samplesSeeded')) return 0;
  let seeded = 0;
  for (const flow of allSampleFlows()) {
    if (!(await stores.flows.get(flow.id))) {
      await stores.flows.create(flow, null, sampleTests(flow.id));
      seeded += 1;
    }
    if ((await stores.flows.listVersions(flow.id)).length > 0) continue;
    const errors = errorsOf(problemsOf(flow));
    if (errors.length > 0) {
      logger.warn({ flowId: flow.id, problems: errors.length }, 'Sample flow has errors; left unpublished');
      continue;
    }
    await stores.flows.publish(flow.id, { note: 'Sample, published on first start', by: null });
  }
  await stores.settings.markDone('samplesSeeded');
  return seeded;
}
