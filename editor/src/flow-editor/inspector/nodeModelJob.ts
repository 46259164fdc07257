import { closeIntents, modelForNode, trainingInput, type CloseIntents, type FlowDocument, type FlowNode, type TrainedModel } from '@switchboard/runtime';

export interface NodeModelRequest {
  flow: Pick<FlowDocument, 'locale' | 'settings'>;
  node: FlowNode;
  withClashes: boolean;
}

export interface NodeModelResult {
  model: TrainedModel;
  close: CloseIntents[];
}

/** The work itself, the same in the worker and (where there is no Worker) on the main thread. */
export function runNodeModelJob({ flow, node, withClashes }: NodeModelRequest): NodeModelResult | null {
  const model = modelForNode(flow, node);
  if (!model) return null;
  const input = withClashes ? trainingInput(flow, node) : null;
  return { model, close: input ? closeIntents(input) : [] };
}
