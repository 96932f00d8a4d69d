import type { ImportPhase, ImportProgress } from '../../../shared/contract/imports';

/**
 * How a handler says how far a long import has come. Handlers call it through `reportProgress`
 * every few thousand rows; where it goes depends on where the handler runs: straight into the
 * core's ProgressBoard (in the main thread), or as a message to it (in the import worker).
 */
export interface ProgressReporter {
  report(phase: ImportPhase, done: number, total: number): void;
}

/** Rows between two reports: often enough for a bar that moves, rare enough to cost nothing. */
export const PROGRESS_EVERY_ROWS = 2_000;

/** The handler's reporter, if the caller asked for progress; a no-op otherwise. */
export function reportProgress(ctx: { progress?: ProgressReporter }, phase: ImportPhase, done: number, total: number): void {
  ctx.progress?.report(phase, done, total);
}

/** `reportProgress` for a row loop: reports row `i` (0-based) only every PROGRESS_EVERY_ROWS rows. */
export function reportRow(ctx: { progress?: ProgressReporter }, phase: ImportPhase, i: number, total: number): void {
  if (ctx.progress && i % PROGRESS_EVERY_ROWS === 0) ctx.progress.report(phase, i, total);
}

interface Entry extends ImportProgress {
  /** When a finished entry may go (ms since epoch); undefined while the import runs. */
  expiresAt?: number;
}

/**
 * The progress of the imports this core runs, by the id the client gave each one. Bounded: a
 * finished entry is kept a minute (so a last poll sees "done"), and at most MAX_ENTRIES are kept,
 * the oldest finished first.
 */
export class ProgressBoard {
  static readonly MAX_ENTRIES = 100;
  static readonly KEEP_FINISHED_MS = 60_000;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** The reporter of one import; `end` marks it done. */
  reporter(id: string): ProgressReporter & { end(): void } {
    this.entries.delete(id);
    this.set(id, { phase: 'starting', done: 0, total: 0 });
    return {
      report: (phase, done, total) => this.set(id, { phase, done, total }),
      end: () => this.finish(id),
    };
  }

  set(id: string, progress: ImportProgress): void {
    this.prune();
    const entry = this.entries.get(id);
    // A finished import stays finished: a late message from its worker changes nothing.
    if (entry?.expiresAt !== undefined) return;
    this.entries.set(id, { phase: progress.phase, done: progress.done, total: progress.total });
  }

  finish(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.set(id, { phase: 'done', done: entry.total, total: entry.total, expiresAt: this.clock() + ProgressBoard.KEEP_FINISHED_MS });
  }

  get(id: string): ImportProgress | null {
    this.prune();
    const entry = this.entries.get(id);
    return entry ? { phase: entry.phase, done: entry.done, total: entry.total } : null;
  }

  private prune(): void {
    const now = this.clock();
    for (const [id, entry] of this.entries) if (entry.expiresAt !== undefined && entry.expiresAt <= now) this.entries.delete(id);
    if (this.entries.size < ProgressBoard.MAX_ENTRIES) return;
    // Over the bound: the oldest entries go (Map keeps insertion order), finished ones first.
    const finished = [...this.entries].filter(([, e]) => e.expiresAt !== undefined).map(([id]) => id);
    const running = [...this.entries].filter(([, e]) => e.expiresAt === undefined).map(([id]) => id);
    for (const id of [...finished, ...running]) {
      if (this.entries.size < ProgressBoard.MAX_ENTRIES) break;
      this.entries.delete(id);
    }
  }
}
