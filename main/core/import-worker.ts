/**
 * The import worker's entry (jobs/background.ts starts it): a thread of its own with its own connection to the workbench, where the long
 * imports run. Reading, checking and the one write
 * transaction of a 100,000-row file take seconds; here they hold only this thread, while the main
 * thread — the browser-mode server, the Electron main process — goes on answering. The calls go
 * through the same dispatch and handlers as in the main thread, so refusals and results are
 * exactly the same; only the connection differs (db/second-connection.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { methodNames, type MethodName } from '../../shared/contract';
import { caseHandlers } from './cases/handlers';
import type { CoreContext } from './context';
import { openSecondConnection } from './db/second-connection';
import { createDispatch, type HandlerMap } from './dispatch';
import { randomId } from './ids';
import { BACKGROUND_METHODS } from './jobs/background-methods';
import type { FromWorker, ToWorker, WorkerInit } from './jobs/worker-protocol';
import { answerTransferHandlers } from './scoring/transfer-handlers';
import { templateHandlers } from './templates/handlers';
import { APP_VERSION } from './version';

const port = parentPort!;
const init = workerData as WorkerInit;
let actor = 'okänd';
let job = 0;

const db: Database = openSecondConnection(
  init.dbPath,
  {
    now: () => new Date(),
    get actor() {
      return actor;
    },
  },
  init.busyTimeoutMs,
);

// Only the long methods are served here; any other name is a programming error in background.ts.
const served: Record<string, unknown> = {};
const all = { ...caseHandlers, ...answerTransferHandlers, ...templateHandlers } as Record<string, unknown>;
for (const name of methodNames) {
  served[name] = Object.prototype.hasOwnProperty.call(BACKGROUND_METHODS, name)
    ? all[name]
    : () => {
        throw new Error(`${name} does not run in the import worker`);
      };
}

const ctx: CoreContext = {
  db,
  now: () => new Date(),
  get actor() {
    return actor;
  },
  refreshActor: () => {},
  newId: randomId,
  dbPath: init.dbPath,
  appVersion: APP_VERSION,
};

const post = (message: FromWorker) => port.postMessage(message);
const dispatch = createDispatch(served as HandlerMap, ctx, {
  validateOutput: init.validateOutput,
  logError: (method, error) => post({ kind: 'log', method, error: String((error as Error)?.stack ?? error) }),
  // Posted from inside the handler's synchronous loops: the main thread receives them while this one works on.
  progress: () => {
    const current = job;
    return { report: (phase, done, total) => post({ kind: 'progress', job: current, phase, done, total }), end: () => {} };
  },
});

port.on('message', async (message: ToWorker) => {
  if (message.kind !== 'run') return;
  job = message.job;
  actor = message.actor;
  const result = await dispatch(message.method as MethodName, message.input);
  post({ kind: 'result', job: message.job, result });
});
post({ kind: 'ready' });
