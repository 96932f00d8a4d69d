import type { MethodName } from '../../../shared/contract';

/**
 * The methods that may run long — they read a whole file and write it in one transaction — and
 * the input member that carries the file. A call whose file is at least BACKGROUND_MIN_CHARS runs
 * in the import worker (background.ts); a small one runs in the main thread as before, where it
 * is done sooner than the worker could take it.
 */
export const BACKGROUND_METHODS: Partial<Record<MethodName, string>> = {
  'cases.import': 'contentBase64',
  'answers.import': 'contentBase64',
  'templates.import': 'text',
};

/** About 10,000 case-list rows in base64: below this an import takes well under half a second. */
export const BACKGROUND_MIN_CHARS = 512 * 1024;

export function runsInBackground(method: string, input: unknown, minChars = BACKGROUND_MIN_CHARS): boolean {
  const member = Object.prototype.hasOwnProperty.call(BACKGROUND_METHODS, method) ? BACKGROUND_METHODS[method as MethodName] : undefined;
  if (!member || typeof input !== 'object' || input === null || !Object.prototype.hasOwnProperty.call(input, member)) return false;
  const file = (input as Record<string, unknown>)[member];
  return typeof file === 'string' && file.length >= minChars;
}
