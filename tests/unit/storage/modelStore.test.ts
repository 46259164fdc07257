import { describe, expect, it } from 'vitest';
import { InvalidModelsError } from '../../../api/src/intentModels/modelStore';
import { buildFlowModels } from '../../../runtime/src/nlu/flowModels';
import { intentFlow } from '../engine/intentFaqFlows';
import { STORE_BACKENDS, useStoreBackend } from './support/backends';

describe.each(STORE_BACKENDS)('FlowModelStore on $name', (backend) => {
  const h = useStoreBackend(backend);
  const models = () => h.current.models;

  it('round-trips models per version, replaces on save and deletes per flow', async () => {
    const trained = buildFlowModels(intentFlow());
    await models().save('flow-1', 3, trained);
    await models().save('flow-1', 4, trained);
    await models().save('flow-2', 1, trained);
    expect(await models().load('flow-1', 3)).toEqual(trained);
    expect(await models().load('flow-1', 5)).toBeNull();
    await models().save('flow-1', 3, {});
    expect(await (await h.open()).models.load('flow-1', 3)).toEqual({});
    await models().deleteFlow('flow-1');
    expect(await models().load('flow-1', 4)).toBeNull();
    expect(await models().load('flow-2', 1)).toEqual(trained);
  });

  it('refuses models that do not fit their schema at load', async () => {
    const trained = buildFlowModels(intentFlow());
    trained.understand!.weights.pop();
    await models().save('f', 1, trained);
    await expect(models().load('f', 1)).rejects.toThrow(InvalidModelsError);
  });
});
