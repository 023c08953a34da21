import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { XLSX_TYPE } from '../spreadsheets/sheet.ts';
import { megabytes } from '../spreadsheets/zip.ts';
import { CsvRowCounter, tooManyRows } from '../spreadsheets/stream.ts';
import type { ZodApp } from './context.ts';

/**
 * The whole file is the request body, held in memory while it is read: 32 MB holds an XLSX or a CSV of
 * 200,000 rows (the reader's limit, sheet.ts), such as an onboarding file of 100,000 people with their
 * employments. What the file unpacks to is bounded by the reader.
 */
export const UPLOAD_BODY_LIMIT = 32 * 1024 * 1024;
export const UPLOAD_FILE_TYPES = [XLSX_TYPE, 'text/csv', 'application/octet-stream'];

/** A body written to a temporary file as it arrived, with its size and SHA-256 (deleted once the answer is sent). */
export interface UploadedFile { path: string; size: number; sha256: string }

export const isUploadedFile = (body: unknown): body is UploadedFile =>
  typeof body === 'object' && body !== null && typeof (body as UploadedFile).path === 'string' && typeof (body as UploadedFile).sha256 === 'string';

const tooLarge = (limit: number) => new AppError('import.too_large', 413, { limit: megabytes(limit) });

/**
 * Streams a request body into a fresh temporary file, stopped with 413 past `limit` bytes (Content-Length is
 * checked first) and, given `maxRows`, with 422 import.too_many_rows when a CSV certainly has more data rows: known
 * as the bytes arrive, from then on the rest of the body is dropped, not written, and the import never starts.
 */
async function bodyToFile(request: FastifyRequest, payload: NodeJS.ReadableStream, limit: number, maxRows?: number): Promise<UploadedFile> {
  if (Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'thidua-upload-'));
  const file = path.join(dir, 'body');
  const hash = createHash('sha256');
  let size = 0;
  const rows = maxRows === undefined ? null : new CsvRowCounter();
  // too many rows: the rest of the body (within the size limit) is read and dropped, so the answer reaches the client
  let refusal: AppError | null = null;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      size += chunk.length;
      if (size > limit) return next(tooLarge(limit));
      if (refusal) return next();
      if (rows && rows.push(chunk) > maxRows!) { refusal = tooManyRows(maxRows!); return next(); }
      hash.update(chunk);
      next(null, chunk);
    },
    flush(done) {
      if (!refusal && rows && rows.end() > maxRows!) refusal = tooManyRows(maxRows!);
      done();
    },
  });
  try {
    await pipeline(payload, counter, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    if (refusal) throw refusal;
  } catch (error) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    throw error instanceof AppError ? error : new AppError('import.not_spreadsheet', 400);
  }
  return { path: file, size, sha256: hash.digest('hex') };
}

export interface SpreadsheetUploadOptions {
  /** stream each body to a temporary file up to this many bytes (the route gets an UploadedFile) instead of a Buffer of 32 MB at most */
  toFile?: number;
  /** with toFile: a CSV with more data rows than this is refused (422 import.too_many_rows) while it arrives */
  maxRows?: number;
}

/**
 * Registers routes that take a spreadsheet as the raw request body, in a plugin of their own so the
 * raw-body parsers and the size message apply to them only (the records, onboarding and history imports).
 */
export async function spreadsheetUploadRoutes(app: ZodApp, register: (scope: ZodApp) => void | Promise<void>, options: SpreadsheetUploadOptions = {}) {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    const raw = (_request: unknown, body: Buffer | string, done: (error: null, body: Buffer | string) => void) => done(null, body);
    const { toFile, maxRows } = options;
    if (toFile !== undefined) {
      const parser = (request: FastifyRequest, payload: NodeJS.ReadableStream) => bodyToFile(request, payload, toFile, maxRows);
      scope.addContentTypeParser(UPLOAD_FILE_TYPES, parser);
      scope.addContentTypeParser('*', parser);
      const remove = async (request: FastifyRequest) => {
        if (isUploadedFile(request.body)) await fs.promises.rm(path.dirname(request.body.path), { recursive: true, force: true });
      };
      scope.addHook('onResponse', remove);
      scope.addHook('onRequestAbort', remove);
    } else {
      scope.addContentTypeParser(UPLOAD_FILE_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, raw);
      // browsers label a .csv as they like (application/vnd.ms-excel on Windows) or not at all: the bytes decide (sheet.ts)
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, raw);
    }
    scope.setErrorHandler((error: FastifyError) => {
      // refused while reading (Content-Length first), before any of a larger body is buffered
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError('import.too_large', 413, { limit: megabytes(UPLOAD_BODY_LIMIT) });
      throw error; // the app's handler answers everything else
    });
    await register(scope);
  });
}
