/**
 * Routes that take a file as the raw request body (e.g. PUT /api/nominations/batches/:id/documents/:kind
 * with a PDF), the way the records import receives its spreadsheet: no multipart, the body is the file,
 * read as a Buffer up to the configured limit; larger bodies are refused from Content-Length before
 * they are buffered (413 in the user's language).
 */
import type { FastifyError, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import type { Config } from '../config.ts';
import type { AppDeps, ZodApp } from '../http/context.ts';
import { MB, limitText, type UploadInput } from './uploads.ts';

/** The configured upload limit (UPLOAD_MAX_MB) in bytes. */
export function uploadLimitBytes(config: Pick<Config, 'uploadMaxMb'>): number {
  return Math.round(config.uploadMaxMb * MB);
}

/**
 * Registers `routes` in a plugin of their own, where every request body — whatever its declared type —
 * arrives as a Buffer (the content is judged by `storeUpload`, not by the header) and the upload limit
 * applies. JSON routes elsewhere keep the app's parsers and 1 MB limit.
 */
export async function withRawUploads(app: ZodApp, deps: Pick<AppDeps, 'config'>, routes: (scope: ZodApp) => void | Promise<void>): Promise<void> {
  const limit = uploadLimitBytes(deps.config);
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    const raw = (_request: unknown, body: Buffer | string, done: (error: null, body: Buffer | string) => void) => done(null, body);
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, raw);
    scope.addHook('onRoute', (options) => { options.bodyLimit ??= limit; });
    scope.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError('file.too_large', 413, { limit: limitText(limit) });
      throw error; // the app's handler answers everything else
    });
    await routes(scope);
  });
}

/**
 * The upload carried by a request of such a route: the bytes, the declared Content-Type and the file
 * name from the `x-file-name` header (percent-encoded UTF-8, as `encodeURIComponent` writes it).
 * Pass the result with `maxBytes: uploadLimitBytes(deps.config)` to `storeUpload`.
 */
export function uploadFrom(request: FastifyRequest): Pick<UploadInput, 'bytes' | 'declaredType' | 'name'> {
  const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const header = request.headers['x-file-name'];
  let name = typeof header === 'string' ? header : '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // a name that is not valid percent-encoding is kept as sent
  }
  return { bytes, declaredType: request.headers['content-type'], name };
}
