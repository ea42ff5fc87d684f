// Errors that become HTTP responses: a status, a stable code and a message that says what to fix.
// Anything else that reaches the error handler is an internal error and is answered without details.
import type { ApiError } from '../api/contract';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiError['details'],
    /** Extra top-level fields for the body, e.g. the current draft on a 412. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }

  body(): ApiError & Record<string, unknown> {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}), ...this.extra };
  }
}

export const badRequest = (code: string, message: string, details?: ApiError['details']) => new HttpError(400, code, message, details);
export const forbidden = (message = 'Your account does not have access to this.') => new HttpError(403, 'forbidden', message);
export const notFound = (what: string) => new HttpError(404, 'not-found', `${what} does not exist.`);
export const conflict = (code: string, message: string, extra?: Record<string, unknown>) => new HttpError(409, code, message, undefined, extra);
export const unprocessable = (code: string, message: string, details?: ApiError['details']) => new HttpError(422, code, message, details);
