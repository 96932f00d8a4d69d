/**
 * Errors cross every transport (IPC, HTTP, CLI) as data, never as thrown exceptions,
 * so a screen or a script can show the Swedish message without knowing where it came from.
 */

/** Stable, machine-readable error codes. The message is for people; the code is for programs. */
export type ErrorCode =
  | 'VALIDATION' // the input had the wrong shape or content; `issues` lists each problem
  | 'UNKNOWN_METHOD'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FROZEN'
  | 'DB_TOO_NEW'
  | 'DB_OPEN_FAILED'
  | 'DB_CORRUPT' // the file failed SQLite's integrity check; nothing is written to it
  | 'BUSY' // another process holds the database's write lock; retrying later is safe, nothing was written
  | 'AUDIT_BROKEN' // the audit trail failed its check on opening: writes are refused, reading still works
  | 'FORBIDDEN'
  | 'INTERNAL';

/** One problem in the input, located by a JSON path such as `$.questions[3].id`. */
export interface Issue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  /** Swedish, written for a reviewer, never a stack trace. */
  message: string;
  issues?: Issue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });
