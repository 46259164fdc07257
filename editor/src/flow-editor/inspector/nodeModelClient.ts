import { runNodeModelJob, type NodeModelRequest, type NodeModelResult } from './nodeModelJob';

type Reply = { id: number; result?: NodeModelResult | null; error?: string };

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: NodeModelResult | null) => void; reject: (e: Error) => void }>();

function sharedWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./nodeModel.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return (worker = null);
  }
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const { id, result, error } = event.data;
    const p = pending.get(id);
    pending.delete(id);
    if (!p) return;
    if (error !== undefined) p.reject(new Error(error));
    else p.resolve(result ?? null);
  };
  worker.onerror = () => {
    // A worker that cannot start (e.g. blocked by policy) is given up for the main thread.
    worker?.terminate();
    worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new Error('model worker failed'));
    }
  };
  return worker;
}

/**
 * Trains a step's model (and checks its clashes) in a Web Worker, or on the main thread where
 * there is none (tests in jsdom) or it failed to start.
 */
export function trainNodeModel(request: NodeModelRequest): Promise<NodeModelResult | null> {
  const w = sharedWorker();
  if (!w) return Promise.resolve().then(() => runNodeModelJob(request));
  const id = nextId++;
  return new Promise<NodeModelResult | null>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, request });
  }).catch(() => runNodeModelJob(request));
}
