import { contract, isMethodName, type MethodName, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import { issuesFromZod } from '../../shared/validation/zod-issues';
import { summariseIssues } from '../../shared/validation/field-labels';
import { redactApiError } from '../../shared/identity/redact';
import type { ApiError } from '../../shared/result';
import type { CoreContext } from './context';
import { DomainError } from './errors';
import { BUSY_MESSAGE, CORRUPT_WHILE_OPEN_MESSAGE, isBusy, isCorrupt, isReadOnly, READ_ONLY_WHILE_OPEN_MESSAGE, sqliteCode } from './db/sqlite-errors';
import { writeBlockOf } from './db/write-block';
import { diskFullKind, diskFullMessage, folderOfError } from './disk-full';
import { reservedKeyIssues } from '../../shared/validation/reserved-keys';
import path from 'node:path';
import type { ProgressReporter } from './jobs/progress';

export type Handler<K extends MethodName> = (input: ParsedInputOf<K>, ctx: CoreContext) => OutputOf<K> | Promise<OutputOf<K>>;
export type HandlerMap = { [K in MethodName]?: Handler<K> };
export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/** Merges feature handler maps; a method handled twice is a programming error caught at start-up. */
export function mergeHandlers(...maps: HandlerMap[]): HandlerMap {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in merged) throw new Error(`Handler registered twice: ${name}`);
      merged[name] = handler;
    }
  }
  return merged as HandlerMap;
}

export interface DispatchOptions {
  /** Check every output against the contract (on in tests, where a mismatch is a bug to find). */
  validateOutput?: boolean;
  /** Where unexpected errors are reported; never shown to the user. */
  logError?: (method: string, error: unknown) => void;
  /** The reporter for a call whose input names a `progressId` (jobs/progress.ts); `end` runs when the call has answered. */
  progress?: (progressId: string) => ProgressReporter & { end(): void };
}

/**
 * The one entry point of the core: validates input against the contract, runs the handler and
 * returns errors as data. Every face (IPC, HTTP, CLI) is a thin adapter around this.
 */
export function createDispatch(handlers: HandlerMap, ctx: CoreContext, options: DispatchOptions = {}): Dispatch {
  const missing = Object.keys(contract).filter((name) => !(name in handlers));
  if (missing.length > 0) throw new Error(`Contract methods without a handler: ${missing.join(', ')}`);
  const logError = options.logError ?? ((method, error) => console.error(`[granska] ${method} failed:`, error));

  return async function dispatch(method, input) {
    if (!isMethodName(method)) {
      return fail({ code: 'UNKNOWN_METHOD', message: `Okänd åtgärd: ${JSON.stringify(String(method)).slice(0, 100)}.` });
    }
    const spec = contract[method];
    const reserved = reservedKeyIssues(input);
    if (reserved.length > 0) return fail(redactApiError({ code: 'VALIDATION', message: summariseIssues(method, reserved), issues: reserved }));
    const parsed = spec.input.safeParse(input ?? {}, { reportInput: true });
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return fail({ code: 'VALIDATION', message: summariseIssues(method, issues), issues });
    }
    const progressId = (parsed.data as { progressId?: unknown }).progressId;
    const reporter = typeof progressId === 'string' ? options.progress?.(progressId) : undefined;
    try {
      const handler = handlers[method] as Handler<typeof method>;
      // The call's own context: the shared one plus its reporter (getters such as `actor` stay live).
      const callCtx: CoreContext = reporter ? Object.create(ctx, { progress: { value: reporter } }) : ctx;
      const value = await handler(parsed.data as never, callCtx);
      if (options.validateOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) throw new Error(`Output of ${method} breaks the contract: ${checked.error.message}`);
      }
      return ok(value);
    } catch (error) {
      if (error instanceof DomainError) return fail(redactApiError(error.toApiError()));
      const known = storeError(error, ctx);
      // Busy is an ordinary moment (another process writing), not a fault worth a log entry.
      if (known?.code !== 'BUSY') logError(method, error);
      return fail(known ?? { code: 'INTERNAL', message: 'Ett oväntat fel inträffade. Inget har ändrats av den här åtgärden; försök igen.' });
    } finally {
      reporter?.end();
    }
  };
}


/**
 * The store's own refusals, told in Swedish by their SQLite code (the English text went to the
 * log above): another process holds the lock, the disk is full, writes are blocked (the audit
 * trail is broken, or the file is write-protected), or the file turned out damaged. Each left
 * the database unchanged (the statement or its transaction was rolled back).
 */
function storeError(error: unknown, ctx: CoreContext): ApiError | undefined {
  if (isBusy(error)) return { code: 'BUSY', message: BUSY_MESSAGE };
  const full = diskFullKind(error);
  if (full) return redactApiError({ code: 'INTERNAL', message: diskFullMessage(full, diskFullPlace(error, ctx)) });
  if (isReadOnly(error)) return writeBlockOf(ctx.db) ?? { code: 'FORBIDDEN', message: READ_ONLY_WHILE_OPEN_MESSAGE };
  if (isCorrupt(error)) return { code: 'DB_CORRUPT', message: CORRUPT_WHILE_OPEN_MESSAGE };
  return undefined;
}

/**
 * Where a full disk stopped a write: the database (SQLite's SQLITE_FULL, named by the database's
 * folder, and the temporary files' folder where it is another volume), or a file a handler wrote
 * (the folder of the path Node names). Every such write was rolled back or never renamed into place.
 */
function diskFullPlace(error: unknown, ctx: CoreContext) {
  const outcome = 'Inget har ändrats av den här åtgärden.';
  if (sqliteCode(error)) {
    return { what: `Ändringen i databasen ${ctx.dbPath}`, folder: path.dirname(path.resolve(ctx.dbPath)), outcome, mentionTemp: true };
  }
  const folder = folderOfError(error);
  return { what: 'Filen', folder, outcome };
}
