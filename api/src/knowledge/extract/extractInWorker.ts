import { Worker } from 'node:worker_threads';
import type { FileKind } from '../kinds';

const WORKER = new URL('./extractWorker.mjs', import.meta.url);

/** Pages read from one PDF at most: a manual, not a library. */
export const MAX_PDF_PAGES = 500;

export class ExtractionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractionError';
  }
}

export interface ExtractLimits {
  timeoutMs: number;
  /** Heap for the worker: a file built to blow up in memory kills the worker, not the server. */
  heapMb: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { timeoutMs: 20_000, heapMb: 256 };

/**
 * Reads an uploaded file in a worker thread of its own, ended after `timeoutMs`. PDF and HTML
 * parsers are large and fed untrusted bytes; here a file that loops, recurses or eats memory
 * costs one worker, never the chat.
 */
export function extractInWorker(kind: FileKind, bytes: Uint8Array, limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(WORKER, {
      workerData: { kind, bytes, maxPdfPages: MAX_PDF_PAGES },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      stdout: true,
      stderr: true,
    });
    // Drained, never shown: a parser's chatter is not the operator's business.
    worker.stdout.resume();
    worker.stderr.resume();
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(new ExtractionError(`Reading the file took longer than ${Math.round(limits.timeoutMs / 1000)} seconds`))),
      limits.timeoutMs,
    );
    worker.on('message', (m: { ok: true; text: string } | { ok: false; message: string }) =>
      finish(() => (m.ok ? resolve(m.text) : reject(new ExtractionError(m.message)))),
    );
    worker.on('error', (err) => {
      const outOfMemory = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(() => reject(new ExtractionError(outOfMemory ? 'The file needs too much memory to read' : `The file could not be read (${err.message})`)));
    });
    worker.on('exit', (code) => finish(() => reject(new ExtractionError(`The file could not be read (the reader stopped with code ${code})`))));
  });
}
