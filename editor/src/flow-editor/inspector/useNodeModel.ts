import { useEffect, useState } from 'react';
import { closeIntents, modelForNode, trainingInput, type CloseIntents, type FaqNode, type IntentNode, type TrainedModel } from '@switchboard/runtime';
import { useEditorStore } from '../store';

/** Staff type phrases a key at a time; retraining waits for a pause this long. */
export const MODEL_DEBOUNCE_MS = 400;

export interface NodeModel {
  /** The step's model exactly as publishing trains it. */
  model: TrainedModel;
  /** Intents that model mixes up (see closeIntents); only computed when asked for. */
  close: CloseIntents[];
}

/**
 * The step's model as publishing would train it (`modelForNode`), retrained after each pause in
 * editing, plus, with `withClashes`, the pairs of intents it mixes up. A typical step (10 intents
 * x 20 phrases) trains in about a tenth of a second and the clash check in about five times
 * that, so both run on the main thread, only once typing stops. Null while there is nothing to learn.
 */
export function useNodeModel(node: IntentNode | FaqNode, withClashes = false): NodeModel | null {
  const locale = useEditorStore((s) => s.meta.locale);
  const settings = useEditorStore((s) => s.meta.settings);
  const [state, setState] = useState<NodeModel | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const flow = { locale, settings };
      const model = modelForNode(flow, node);
      const input = withClashes && model ? trainingInput(flow, node) : null;
      setState(model ? { model, close: input ? closeIntents(input) : [] } : null);
    }, MODEL_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // node.data changes identity on every edit; the node's position does not matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [node.data, node.type, locale, settings, withClashes]);
  return state;
}

/**
 * The threshold "automatic" gives. The model was trained with the step's current data, so
 * when staff set their own it carries that one instead; the calibrated value is then unknown.
 */
export function calibratedOf(model: TrainedModel): number | null {
  return model.thresholdSource === 'given' ? null : model.threshold;
}
