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
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick retries */ }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

/**
 * Copies the WAL back into the database from a worker thread. A checkpoint fsyncs, which can
 * take tens of milliseconds on a busy disk; on the main thread that stall would land on
 * whichever chat turn happened to trigger it. Passive checkpoints never block the writer.
 */
export function startCheckpointWorker(file: string, intervalMs = 1000): { stop(): Promise<void> } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs } });
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        // Held again while stopping, or the process could exit before the worker closes its connection.
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
