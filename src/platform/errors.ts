import type { MessageKey } from './i18n/messages.ts';

/**
 * The one error type. Model and store code throw it; the HTTP layer maps it once to a response
 * whose message is in the user's language (platform/http/errors.ts).
 */
export class AppError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
    /** what an operator must know and the user need not (written to the server log, never sent) */
    readonly problem?: string,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (entity: string) => new AppError('not_found', 404, { entity });
export const forbidden = () => new AppError('forbidden', 403);
export const conflict = (code: MessageKey, params: Record<string, string | number> = {}) =>
  new AppError(code, 409, params);
export const badRequest = (code: MessageKey, params: Record<string, string | number> = {}) =>
  new AppError(code, 400, params);
