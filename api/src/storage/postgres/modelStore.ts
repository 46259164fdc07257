import type { FlowModelStore } from '../../intentModels/modelStore';
import { checkedModels } from '../../intentModels/modelStore';
import type { PostgresDatabase } from './database';
import { jsonText } from './values';
import { NulSafePlugin } from './nulSafePlugin';

/** Trained intent models in PostgreSQL, one row per published version, shared by every instance. */
export function postgresModelStore(pool: PostgresDatabase): FlowModelStore {
  // Flow ids are user-chosen: U+0000 becomes U+FFFD rather than failing the statement.
  const db = pool.withPlugin(new NulSafePlugin());
  return {
    async save(flowId, version, models) {
      await db
        .insertInto('flow_models')
        .values({ flow_id: flowId, version, models: jsonText(models) })
        .onConflict((oc) => oc.columns(['flow_id', 'version']).doUpdateSet({ models: jsonText(models) }))
        .execute();
    },
    async load(flowId, version) {
      const row = await db.selectFrom('flow_models').select('models').where('flow_id', '=', flowId).where('version', '=', version).executeTakeFirst();
      return row ? checkedModels(row.models, flowId, version) : null;
    },
    async deleteFlow(flowId) {
      await db.deleteFrom('flow_models').where('flow_id', '=', flowId).execute();
    },
  };
}
