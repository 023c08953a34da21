import type { FastifyError } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { XLSX_TYPE } from '../spreadsheets/sheet.ts';
import { megabytes } from '../spreadsheets/zip.ts';
import type { ZodApp } from './context.ts';

/**
 * The whole file is the request body, held in memory while it is read: 32 MB holds an XLSX or a CSV of
 * 200,000 rows (the reader's limit, sheet.ts), such as an onboarding file of 100,000 people with their
 * employments. What the file unpacks to is bounded by the reader.
 */
export const UPLOAD_BODY_LIMIT = 32 * 1024 * 1024;
export const UPLOAD_FILE_TYPES = [XLSX_TYPE, 'text/csv', 'application/octet-stream'];

/**
 * Registers routes that take a spreadsheet as the raw request body, in a plugin of their own so the
 * raw-body parsers and the size message apply to them only (the records, onboarding and history imports).
 */
export async function spreadsheetUploadRoutes(app: ZodApp, register: (scope: ZodApp) => void | Promise<void>) {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    const raw = (_request: unknown, body: Buffer | string, done: (error: null, body: Buffer | string) => void) => done(null, body);
    scope.addContentTypeParser(UPLOAD_FILE_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, raw);
    // browsers label a .csv as they like (application/vnd.ms-excel on Windows) or not at all: the bytes decide (sheet.ts)
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, raw);
    scope.setErrorHandler((error: FastifyError) => {
      // refused while reading (Content-Length first), before any of a larger body is buffered
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError('import.too_large', 413, { limit: megabytes(UPLOAD_BODY_LIMIT) });
      throw error; // the app's handler answers everything else
    });
    await register(scope);
  });
}
