import { useEffect, useState } from 'react';
import type { FaqNode, IntentNode, TrainedModel } from '@switchboard/runtime';
import { useEditorStore } from '../store';
import type { NodeModelResult } from './nodeModelJob';
import { trainNodeModel } from './nodeModelClient';

/** Staff type phrases a key at a time; retraining waits for a pause this long. */
export const MODEL_DEBOUNCE_MS = 400;

export type NodeModel = NodeModelResult;

/**
 * The step's model as publishing would train it (`modelForNode`), retrained after each pause in
 * editing, plus, with `withClashes`, the pairs of intents it mixes up (`closeIntents`). Both run
 * in a Web Worker (see nodeModelClient), so a large step never holds up typing. Null while there
 * is nothing to learn; an answer that a newer edit outran is dropped.
 */
export function useNodeModel(node: IntentNode | FaqNode, withClashes = false): NodeModel | null {
  const locale = useEditorStore((s) => s.meta.locale);
  const settings = useEditorStore((s) => s.meta.settings);
  const [state, setState] = useState<NodeModel | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      trainNodeModel({ flow: { locale, settings }, node, withClashes }).then(
        (result) => {
          if (current) setState(result);
        },
        // A failure here only costs the hints: the form itself keeps working.
        () => {
          if (current) setState(null);
        },
      );
    }, MODEL_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
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
