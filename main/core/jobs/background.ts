import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ProgressIdSchema } from '../../../shared/contract/imports';
import { fail, type Result } from '../../../shared/result';
import type { Dispatch } from '../dispatch';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol';
import type { ProgressBoard } from './progress';
import { runsInBackground } from './background-methods';

/**
 * Runs the long imports (background-methods.ts) in the import worker, a thread with its own
 * connection, so the thread that calls dispatch — the browser-mode server's, the Electron main
 * process's — keeps answering other calls while a 100,000-row file is read, checked and written.
 *
 * - One worker, started at the first large import and kept (idle, it does not keep the process
 *   alive); calls run one at a time in arrival order, a waiting one shows as "queued". Two
 *   imports would only wait for each other's write lock.
 * - Atomic as before: the worker's handler writes in one transaction on its own connection, which
 *   no other call can join. While it writes, the main thread's connection still reads (WAL: the
 *   last committed state); a write there waits its busy timeout and then answers BUSY, as a write
 *   by another process always has (the scoring screen retries by itself).
 * - Progress: the worker posts the handler's reports; they land on the core's ProgressBoard under
 *   the call's `progressId`, where `imports.progress` reads them.
 * - A worker that dies (out of memory, a bug) fails its call with INTERNAL, logged; the next
 *   import starts a new one. A worker that cannot start at all (its file missing from an
 *   installation) is logged once, and the imports run in the calling thread as before.
 */
export interface BackgroundOptions {
  dbPath: string;
  board: ProgressBoard;
  /** The worker connection's wait for the write lock: only the worker waits, so it may be long. */
  busyTimeoutMs?: number;
  validateOutput?: boolean;
  logError: (method: string, error: unknown) => void;
  /** Below this many characters of file a call runs in the main thread (tests set 0). */
  minChars?: number;
  /** Where the calls go when no worker can start: the calling thread's dispatch. */
  fallback: Dispatch;
}

interface Job {
  id: number;
  method: string;
  input: unknown;
  actor: string;
  progressId?: string;
  resolve(result: Result<unknown>): void;
}

const WORKER_FAILED = 'Ett oväntat fel inträffade under importen. Inget har importerats; försök igen.';
const CLOSED = 'Programmet stängdes innan importen var klar. Inget har importerats.';

export class BackgroundImports {
  private worker?: Worker;
  private ready = false;
  private current?: Job;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** No worker could start: every call goes to the fallback. */
  private unavailable = false;

  constructor(private readonly options: BackgroundOptions) {}

  /** Whether this call goes to the worker. */
  takes(method: string, input: unknown): boolean {
    return !this.closed && !this.unavailable && runsInBackground(method, input, this.options.minChars);
  }

  run(method: string, input: unknown, actor: string): Promise<Result<unknown>> {
    const candidate = (input as { progressId?: unknown }).progressId;
    const progressId = ProgressIdSchema.safeParse(candidate).success ? (candidate as string) : undefined;
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, method, input, actor, progressId, resolve };
      if (progressId) {
        this.options.board.reporter(progressId);
        this.options.board.set(progressId, { phase: this.current ? 'queued' : 'starting', done: 0, total: 0 });
      }
      this.queue.push(job);
      this.next();
    });
  }

  close(): void {
    this.closed = true;
    const waiting = [...(this.current ? [this.current] : []), ...this.queue.splice(0)];
    this.current = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
    for (const job of waiting) this.settle(job, fail({ code: 'INTERNAL', message: CLOSED }));
  }

  private next(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.current = job;
    const worker = this.worker ?? this.start();
    if (!worker) return;
    worker.ref();
    if (job.progressId) this.options.board.set(job.progressId, { phase: this.ready ? 'reading' : 'starting', done: 0, total: 0 });
    for (const waiting of this.queue) if (waiting.progressId) this.options.board.set(waiting.progressId, { phase: 'queued', done: 0, total: 0 });
    const message: ToWorker = { kind: 'run', job: job.id, method: job.method, input: job.input, actor: job.actor };
    worker.postMessage(message);
  }

  private start(): Worker | undefined {
    const entry = workerEntry();
    const init: WorkerInit = { dbPath: this.options.dbPath, busyTimeoutMs: this.options.busyTimeoutMs ?? 10_000, validateOutput: this.options.validateOutput ?? false };
    let worker: Worker;
    try {
      if (!entry) throw new Error('The import worker file is missing beside the bundle (or not unpacked from app.asar)');
      worker = new Worker(entry.file, { workerData: init, execArgv: entry.execArgv });
    } catch (error) {
      this.giveUp(error);
      return undefined;
    }
    this.worker = worker;
    this.ready = false;
    worker.on('message', (message: FromWorker) => this.onMessage(worker, message));
    worker.on('error', (error) => this.onExit(worker, error));
    worker.on('exit', (code) => this.onExit(worker, new Error(`The import worker exited with code ${code}`)));
    return worker;
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (worker !== this.worker) return;
    const job = this.current;
    switch (message.kind) {
      case 'ready':
        this.ready = true;
        return;
      case 'log':
        return this.options.logError(message.method, new Error(message.error));
      case 'progress':
        if (job && job.id === message.job && job.progressId) this.options.board.set(job.progressId, { phase: message.phase, done: message.done, total: message.total });
        return;
      case 'result':
        if (!job || job.id !== message.job) return;
        this.current = undefined;
        this.settle(job, message.result);
        if (this.queue.length === 0) worker.unref();
        this.next();
        return;
    }
  }

  private onExit(worker: Worker, error: unknown): void {
    if (worker !== this.worker) return;
    const started = this.ready;
    this.worker = undefined;
    this.ready = false;
    if (this.closed) return;
    void worker.terminate();
    const job = this.current;
    this.current = undefined;
    if (!started) {
      if (job) this.queue.unshift(job);
      return this.giveUp(error);
    }
    if (job) {
      this.options.logError(job.method, error);
      this.settle(job, fail({ code: 'INTERNAL', message: WORKER_FAILED }));
    }
    this.next();
  }

  /** No worker can start (not the import's fault): this call and every later one run in the calling thread. */
  private giveUp(error: unknown): void {
    this.unavailable = true;
    const waiting = [...(this.current ? [this.current] : []), ...this.queue.splice(0)];
    this.current = undefined;
    this.options.logError(waiting[0]?.method ?? 'import worker', error);
    for (const job of waiting) void this.options.fallback(job.method, job.input).then((result) => this.settle(job, result));
  }

  private settle(job: Job, result: Result<unknown>): void {
    if (job.progressId) this.options.board.finish(job.progressId);
    job.resolve(result);
  }
}

/** A dispatch that sends the long imports to the worker and everything else to `inProcess`. */
export function withBackground(inProcess: Dispatch, background: BackgroundImports, actor: () => string): Dispatch {
  return (method, input) => (background.takes(method, input) ? background.run(method, input, actor()) : inProcess(method, input));
}

/**
 * The worker's file: beside the Electron bundle (scripts/build.mjs builds it there; in the
 * installed app it must be unpacked beside the archive, as a worker cannot start from inside it),
 * or the TypeScript source main/core/import-worker.ts, run through tsx as the CLI and the server are.
 */
function workerEntry(): { file: string; execArgv: string[] } | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // In the bundle this module is build/electron/main.cjs; in the sources, main/core/jobs/background.ts.
  const bundled = path.join(here, 'import-worker.cjs');
  if (fs.existsSync(bundled)) {
    const unpacked = bundled.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
    return fs.existsSync(unpacked) ? { file: unpacked, execArgv: [] } : undefined;
  }
  const usesTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  const tsx = usesTsx ? process.execArgv : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href];
  return { file: path.join(here, '..', 'import-worker.ts'), execArgv: tsx };
}
