import type { ApiError, ErrorCode, Issue } from '../../shared/result';

/** An expected failure with a Swedish message; dispatch turns it into error data. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toApiError(): ApiError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const invalid = (message: string, issues?: Issue[]) => new DomainError('VALIDATION', message, issues);
