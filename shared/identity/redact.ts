import type { ApiError } from '../result';
import { findIdentityNumbers } from './pii-guard';

export const REDACTED = '[personnummer dolt]';

/**
 * Replaces every personal or coordination number in a text. Used on everything that echoes user
 * data back (error messages, rejected-row reasons), so a number in the wrong column never
 * reaches a screen, a log or a report.
 */
export function redactIdentityNumbers(text: string): string {
  const hits = findIdentityNumbers(text);
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const hit of hits) {
    out += text.slice(at, hit.start) + REDACTED;
    at = hit.end;
  }
  return out + text.slice(at);
}

export const containsIdentityNumber = (text: string): boolean => findIdentityNumbers(text).length > 0;

/** An error as it may be shown or logged: every number in its message and issues hidden. */
export function redactApiError(error: ApiError): ApiError {
  return {
    ...error,
    message: redactIdentityNumbers(error.message),
    ...(error.issues ? { issues: error.issues.map((i) => ({ path: redactIdentityNumbers(i.path), message: redactIdentityNumbers(i.message) })) } : {}),
  };
}
