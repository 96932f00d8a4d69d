import type { ImportPhase } from '../../../shared/contract/imports';
import type { Result } from '../../../shared/result';

/** What background.ts and the import worker (main/core/import-worker.ts) say to each other. */
export interface WorkerInit {
  dbPath: string;
  busyTimeoutMs: number;
  validateOutput: boolean;
}

export type ToWorker = { kind: 'run'; job: number; method: string; input: unknown; actor: string };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'progress'; job: number; phase: ImportPhase; done: number; total: number }
  | { kind: 'result'; job: number; result: Result<unknown> }
  | { kind: 'log'; method: string; error: string };
