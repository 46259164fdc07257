/// <reference lib="webworker" />
import { runNodeModelJob, type NodeModelRequest } from './nodeModelJob';

// Training and the clash check take a few hundred milliseconds for a large step: here they never
// hold up typing. Each reply carries the request's id so the page can drop answers it outran.
self.onmessage = (event: MessageEvent<{ id: number; request: NodeModelRequest }>) => {
  const { id, request } = event.data;
  try {
    self.postMessage({ id, result: runNodeModelJob(request) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
