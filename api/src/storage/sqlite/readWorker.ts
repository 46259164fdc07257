import { Worker } from 'node:worker_threads';
import { HttpError } from '../../http/errors';

/** A read-only statement the worker prepares once: all rows (as arrays with `raw`), or the first row's first column with `pluck` + `get`. */
export interface ReadStatement {
  sql: string;
  raw?: boolean;
  pluck?: boolean;
  /** One row (or undefined) instead of all of them. */
  get?: boolean;
}

export interface ReadCall {
  statement: string;
  params: Record<string, unknown> | unknown[];
}

/** Where readers send their statements: the read worker, or anything that answers the same way. */
export interface ReadRunner {
  run(calls: ReadCall[]): Promise<unknown[]>;
}

export interface ReadWorkerOptions {
  /** Requests waiting behind the one running; one more is refused at once. */
  queueLimit?: number;
  /** A request running longer is failed and its worker ended (a statement cannot be interrupted otherwise). */
  timeoutMs?: number;
  /** Tests only: the worker holds each request this long before reading, as a slow query would. */
  slowdownMs?: number;
}

export const READ_QUEUE_LIMIT = 32;
export const READ_TIMEOUT_MS = 30_000;

/** Analytics could not be read now (queue full, too slow, or the reader stopped): the client may retry. */
export class AnalyticsUnavailableError extends HttpError {
  constructor(code: 'busy' | 'analytics_timeout' | 'analytics_unavailable', message: string) {
    super(503, code, message);
    this.name = 'AnalyticsUnavailableError';
  }
}

// Plain CommonJS so the worker needs no TypeScript loader. A batch runs in one read transaction,
// so its statements see one snapshot of the database.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const prepared = new Map();
function statement(name) {
  let s = prepared.get(name);
  if (s) return s;
  const spec = workerData.statements[name];
  if (!spec) throw new Error('unknown statement ' + name);
  s = db.prepare(spec.sql);
  if (spec.raw) s.raw(true);
  if (spec.pluck) s.pluck(true);
  prepared.set(name, s);
  return s;
}
const runBatch = db.transaction((calls) => calls.map((c) => {
  const s = statement(c.statement);
  return workerData.statements[c.statement].get ? s.get(c.params) : s.all(c.params);
}));
const pause = new Int32Array(new SharedArrayBuffer(4));
parentPort.postMessage('ready');
parentPort.on('message', (m) => {
  if (workerData.slowdownMs) Atomics.wait(pause, 0, 0, workerData.slowdownMs);
  let reply;
  try { reply = { id: m.id, ok: true, results: runBatch(m.calls) }; }
  catch (err) { reply = { id: m.id, ok: false, message: String(err && err.message || err) }; }
  parentPort.postMessage(reply);
});
`;

type Reply = { id: number; ok: true; results: unknown[] } | { id: number; ok: false; message: string };

interface Pending {
  id: number;
  calls: ReadCall[];
  resolve(results: unknown[]): void;
  reject(err: Error): void;
}

/**
 * Runs read-only statements against the SQLite file in a worker thread with its own read-only
 * connection, so a slow analytics read never holds the event loop that serves chat turns. WAL
 * lets it read while the main connection writes; it sees what was committed when its batch
 * started. One request at a time (the machine's other core belongs to the chat), the rest queued
 * up to `queueLimit` and then refused with 503. A request over `timeoutMs`, or a worker that
 * dies, fails that request with 503 and the worker is started again for the next one; the
 * process is never at stake.
 */
export class SqliteReadWorker implements ReadRunner {
  private readonly queueLimit: number;
  private readonly timeoutMs: number;
  private readonly slowdownMs: number;
  private worker: Worker | null = null;
  /** Whether the worker has opened its connection; requests are timed from then on. */
  private ready = false;
  private running: (Pending & { timer: NodeJS.Timeout }) | null = null;
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly statements: Record<string, ReadStatement>,
    options: ReadWorkerOptions = {},
  ) {
    this.queueLimit = options.queueLimit ?? READ_QUEUE_LIMIT;
    this.timeoutMs = options.timeoutMs ?? READ_TIMEOUT_MS;
    this.slowdownMs = options.slowdownMs ?? 0;
  }

  /** The statements' results in order, all read from one snapshot. */
  run(calls: ReadCall[]): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new AnalyticsUnavailableError('analytics_unavailable', 'The analytics reader is closed'));
    // The request at the head of the queue while no request runs is the one about to (the worker is starting).
    if (this.queue.length - (this.running ? 0 : 1) >= this.queueLimit) {
      return Promise.reject(new AnalyticsUnavailableError('busy', 'Too many analytics requests at once; try again in a few seconds'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, calls, resolve, reject });
      this.pump();
    });
  }

  /** Requests waiting, not counting the one running. */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const next = this.queue[0];
    if (!next) {
      // Idle: the worker must not keep the process alive.
      this.worker?.unref();
      return;
    }
    const worker = this.ensureWorker();
    worker.ref();
    // Starting up (loading the driver, opening the file) is not the request's time; it goes on once up.
    if (!this.ready) return;
    this.queue.shift();
    const timer = setTimeout(() => {
      this.fail(new AnalyticsUnavailableError('analytics_timeout', `The analytics read took longer than ${this.timeoutMs} ms`));
      // The statement cannot be interrupted: end its worker; the next request starts another.
      this.discard(worker);
    }, this.timeoutMs);
    this.running = { ...next, timer };
    worker.postMessage({ id: next.id, calls: next.calls });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file, statements: this.statements, slowdownMs: this.slowdownMs } });
    this.worker = worker;
    this.ready = false;
    worker.on('message', (reply: Reply | 'ready') => {
      if (reply === 'ready') {
        if (this.worker === worker) this.ready = true;
        return this.pump();
      }
      const r = this.running;
      if (!r || r.id !== reply.id) return;
      clearTimeout(r.timer);
      this.running = null;
      if (reply.ok) r.resolve(reply.results);
      else r.reject(new Error(`Analytics read failed: ${reply.message}`));
      this.pump();
    });
    // An uncaught error in the worker must not take the server down: the request fails, the next starts a new worker.
    worker.on('error', (err) => {
      if (this.worker !== worker) return;
      this.fail(new AnalyticsUnavailableError('analytics_unavailable', `The analytics reader stopped (${err.message}); try again`));
      this.discard(worker);
    });
    worker.once('exit', (code) => {
      if (this.worker !== worker) return;
      this.fail(new AnalyticsUnavailableError('analytics_unavailable', `The analytics reader stopped (exit code ${code}); try again`));
      this.discard(worker);
    });
    return worker;
  }

  /** Fails the running request, or, when the worker died starting up, the one it was started for. */
  private fail(err: Error): void {
    if (!this.running && !this.ready) {
      this.queue.shift()?.reject(err);
      return;
    }
    const r = this.running;
    if (!r) return;
    clearTimeout(r.timer);
    this.running = null;
    r.reject(err);
  }

  /** Ends a worker that is no longer trusted and carries on with the queue on a new one. */
  private discard(worker: Worker): void {
    if (this.worker === worker) {
      this.worker = null;
      this.ready = false;
    }
    void worker.terminate();
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    const closedError = () => new AnalyticsUnavailableError('analytics_unavailable', 'The analytics reader is closed');
    for (const p of this.queue.splice(0)) p.reject(closedError());
    this.fail(closedError());
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
