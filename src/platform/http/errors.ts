import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { translate, type Locale, type MessageKey } from '../i18n/messages.ts';
import { describeIssues, zodIssuesOf } from './validation.ts';

export interface ErrorBody { error: { code: string; message: string; details?: unknown } }

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: MessageKey,
  params: Record<string, string | number> = {}, details?: unknown) {
  const body: ErrorBody = { error: { code, message: translate(code, request.locale ?? 'vi', params) } };
  if (details !== undefined) body.error.details = details;
  return reply.status(status).send(body);
}

/** An AppError as the body an answer carries, for a response already under way (a streamed import's last line). */
export function appErrorBody(error: AppError, locale: Locale): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: translate(error.code, locale, error.params) } };
  if (error.details !== undefined) body.error.details = error.details;
  return body;
}

/** Maps every error, once, to a response in the user's language. Nothing internal leaks out. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // a fault the operator must see (a file recorded but missing from the store): logged, the user gets its message
      if (error.problem) request.log.error({ problem: error.problem, code: error.code }, 'operator attention');
      return send(reply, request, error.status, error.code, error.params, error.details);
    }
    const issues = zodIssuesOf(error);
    if (issues) return send(reply, request, 400, 'validation', {}, { issues: describeIssues(issues, request.locale ?? 'vi') });
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
      || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_VALIDATION') {
      return send(reply, request, 400, 'validation');
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, request, 413, 'validation');
    if (error.statusCode === 429) return send(reply, request, 429, 'rate_limited');
    if (/timeout exceeded when trying to connect/i.test(error.message)) return send(reply, request, 503, 'busy');
    // two writers raced past the checks a route makes first (a code taken meanwhile, crossed row locks, a lock
    // waited on past its timeout): the database refused one whole transaction, so nothing was written and the
    // user may send it again
    const sqlState = (error as { code?: unknown }).code;
    if (sqlState === '23505' || sqlState === '40P01' || sqlState === '40001' || sqlState === '55P03') {
      request.log.warn({ sqlState, url: request.url }, 'concurrent write refused by the database');
      return send(reply, request, 409, sqlState === '23505' ? 'concurrent.duplicate' : 'concurrent.retry');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, 'internal');
  });
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, 404, 'not_found', { entity: 'route' });
}

/** The router's refusals before any route runs: a path parameter over the length limit, or one that is not valid URL text. */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(reply, request, 414, 'url_too_long');
  return send(reply, request, 400, 'validation');
}
