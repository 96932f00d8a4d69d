import type { Database } from 'better-sqlite3';
import { appHandlers } from './app-handlers';
import type { CoreContext } from './context';
import { openDatabase } from './db/open';
import { createDispatch, mergeHandlers, type Dispatch, type DispatchOptions } from './dispatch';
import { seedBundledTemplates } from './templates/bundled';
import { templateHandlers } from './templates/handlers';
import { reviewHandlers } from './reviews/handlers';
import { caseHandlers } from './cases/handlers';
import { resolveInterruptedImports } from './cases/key-intent';
import { samplingHandlers } from './sampling/handlers';
import { scoringHandlers } from './scoring/handlers';
import { answerTransferHandlers } from './scoring/transfer-handlers';
import { APP_VERSION } from './version';
import { auditHandlers } from './audit/handlers';
import { profileHandlers } from './profile/handlers';
import { reviewLifecycleHandlers } from './reviews/lifecycle-handlers';
import { resultHandlers } from './results/handlers';
import { resultExportHandlers } from './results/export-handlers';
import { reportHandlers } from './report/handlers';
import { publicationHandlers } from './results/publication-handlers';
import { findingHandlers } from './findings/handlers';
import { dialogueHandlers } from './dialogue/handlers';
import { createActorResolver } from './profile/actor';
import type { ApiError } from '../../shared/result';
import os from 'node:os';
import { randomId } from './ids';
import { importProgressHandlers } from './jobs/handlers';
import { ProgressBoard } from './jobs/progress';
import { BackgroundImports, withBackground } from './jobs/background';

export interface CoreOptions extends DispatchOptions {
  dbPath: string;
  now?: () => Date;
  /** Records every change under this name instead of the profile's or the account's (CLI --actor). */
  actor?: string;
  newId?: (prefix: string) => string;
  /** How long a statement waits for another process's write lock (db/open.ts: short for the interactive faces). */
  busyTimeoutMs?: number;
  /**
   * Run the long imports (a large case list, answers or template file) in the import worker, so this
   * thread goes on answering other calls meanwhile (jobs/background.ts): for the faces that serve
   * while an import runs, browser mode and the Electron app. The worker has the real clock and
   * random ids. `minChars` (tests) lowers the size from which a file goes there.
   */
  background?: boolean | { minChars?: number };
}

export interface Core {
  dispatch: Dispatch;
  db: Database;
  dbPath: string;
  backupPath?: string;
  /** The audit trail failed its check on opening: the store is read-only and this says why (faces show it). */
  auditProblem?: ApiError;
  close(): void;
}

export const allHandlers = () => mergeHandlers(appHandlers, templateHandlers, reviewHandlers, caseHandlers, samplingHandlers, scoringHandlers, answerTransferHandlers, auditHandlers, profileHandlers, reviewLifecycleHandlers, resultHandlers, resultExportHandlers, reportHandlers, publicationHandlers, findingHandlers, dialogueHandlers, importProgressHandlers);

/** The whole application without any transport: open the store, seed bundled data, dispatch. */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  // Override > profile > account, re-read when the profile is saved; the triggers' granska_actor follows it too.
  const actor = createActorResolver({ override: options.actor, accountName: safeUserName });
  const { db, backupPath, auditProblem } = openDatabase(options.dbPath, {
    now,
    actor: () => actor.current,
    busyTimeoutMs: options.busyTimeoutMs,
    logError: options.logError && ((error) => options.logError!('db.open', error)),
  });
  try {
    // A read-only store (broken audit trail) is not seeded; its templates are read as they are.
    if (!auditProblem) seedBundledTemplates(db, now().toISOString());
    // A key an import wrote before it was killed, without its cases, goes before anyone works on (cases/key-intent.ts).
    if (!auditProblem) resolveInterruptedImports(db, options.logError && ((error) => options.logError!('cases.import', error)), now);
  } catch (error) {
    db.close();
    throw error;
  }
  try {
    actor.reload(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const ctx: CoreContext = {
    db,
    now,
    get actor() {
      return actor.current;
    },
    refreshActor: () => actor.reload(db),
    newId: options.newId ?? randomId,
    dbPath: options.dbPath,
    appVersion: APP_VERSION,
    progressBoard: new ProgressBoard(),
  };
  const board = ctx.progressBoard!;
  const inProcess = createDispatch(allHandlers(), ctx, { ...options, progress: (id) => board.reporter(id) });
  // A store that refuses writes (or lives in memory) keeps every call here: the worker could not share it.
  const background =
    options.background && !auditProblem && options.dbPath !== ':memory:'
      ? new BackgroundImports({
          dbPath: options.dbPath,
          board,
          validateOutput: options.validateOutput,
          logError: options.logError ?? ((method, error) => console.error(`[granska] ${method} failed:`, error)),
          minChars: typeof options.background === 'object' ? options.background.minChars : undefined,
          fallback: inProcess,
        })
      : undefined;
  const dispatch = background ? withBackground(inProcess, background, () => actor.current) : inProcess;
  return {
    dispatch,
    db,
    dbPath: options.dbPath,
    backupPath,
    auditProblem,
    close: () => {
      background?.close();
      db.close();
    },
  };
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'okänd';
  }
}
