import { Worker } from 'node:worker_threads';

// Plain CommonJS so the worker needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
let db;
// The store may already be closed and its directory gone (a short-lived test) when the worker
// gets to run; there is nothing left to checkpoint then.
try { db = new Database(workerData.file, { fileMustExist: true }); } catch { process.exit(0); }
db.pragma('busy_timeout = 1000');
let timer = null;
let stopped = false;
function tick() {
  timer = null;
  if (stopped) return;
  let behind = false;
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    // Everything copied: the writer restarts the WAL from its start on its next commit. Frames a
    // reader still needed stay for the next tick. Still many frames after copying all it could
    // means the writer outpaces one tick: go again at once rather than let the WAL grow.
    behind = r.log - r.checkpointed > workerData.catchUpFrames;
    parentPort.postMessage({ log: r.log, checkpointed: r.checkpointed });
  } catch { /* busy: the next tick retries */ }
  timer = setTimeout(tick, behind ? 0 : workerData.intervalMs);
}
tick();
parentPort.on('message', () => { stopped = true; if (timer) clearTimeout(timer); db.close(); process.exit(0); });
`;

export interface CheckpointProgress {
  /** Frames in the WAL at the last checkpoint. */
  log: number;
  /** Of them, copied into the database file. */
  checkpointed: number;
}

/**
 * Copies the WAL back into the database from a worker thread. The main connection never
 * checkpoints (`wal_autocheckpoint = 0`, see openDatabase.ts): a checkpoint fsyncs, which can
 * take ~100 ms on a busy disk, and on the main thread that stall would land on every
 * conversation at once. Passive checkpoints never block the writer. If the worker dies it is
 * started again, since without it the WAL would grow without bound.
 */
export function startCheckpointWorker(
  file: string,
  options: { intervalMs?: number; catchUpFrames?: number; onProgress?: (p: CheckpointProgress) => void } = {},
): { stop(): Promise<void> } {
  const workerData = { file, intervalMs: options.intervalMs ?? 1000, catchUpFrames: options.catchUpFrames ?? 4096 };
  let stopping = false;
  let running = false;
  let worker: Worker;
  const start = () => {
    if (stopping) return;
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    running = true;
    worker.unref();
    worker.on('message', (p: CheckpointProgress) => options.onProgress?.(p));
    // An uncaught error in the worker must not take the server down; it exits and is restarted.
    worker.on('error', () => {});
    worker.once('exit', (code) => {
      running = false;
      if (!stopping && code !== 0) setTimeout(start, 1000).unref();
    });
  };
  start();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (!running) return resolve();
        // Held again while stopping, or the process could exit before the worker closes its connection.
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
