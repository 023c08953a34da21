import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { PassThrough } from 'node:stream';
import { isUploadedFile, spreadsheetUploadRoutes, UPLOAD_FILE_TYPES } from '../../../platform/http/uploads.ts';
import { uploadLimitBytes } from '../../../platform/storage/upload-routes.ts';
import { appErrorBody } from '../../../platform/http/errors.ts';
import { RECORD_KINDS } from '../model.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../../platform/spreadsheets/sheet.ts';
import { exportRecords, importLimits, importRecords, importTemplate, type ImportProgress, type ImportResult } from './service.ts';
import { fileResponse } from '../../../platform/http/responses.ts';

const tags = ['records'];
const kind = z.enum(RECORD_KINDS);

const importQuery = z.object({
  kind,
  dryRun: z.enum(['true', 'false']).default('false'),
  fileName: z.string().max(255).default(''),
});
const importResult = z.object({
  kind, rows: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), dryRun: z.boolean(),
});

/** Asked for in Accept, the import answers a line of JSON per batch ({ progress }) and then { result } or { status, error }. */
export const PROGRESS_TYPE = 'application/x-ndjson';

/** Import templates, bulk import (XLSX or CSV, all rows or none) and export of records. */
export async function recordImportRoutes(app: ZodApp, deps: AppDeps) {
  const { db, config } = deps;
  const maxBytes = uploadLimitBytes(config);
  const limits = { maxRows: config.importMaxRows, sheetBytes: Math.round(config.importMaxUnpackedMb * 1024 * 1024) };
  // the raw-file body parsers and the size message (413 import.too_large) apply to these routes only;
  // the body goes to a temporary file as it arrives, read from there as a stream
  await spreadsheetUploadRoutes(app, (scope) => {
    scope.get('/records/import/limits', {
      schema: { tags, summary: 'The largest file (UPLOAD_MAX_MB) and the most rows (IMPORT_MAX_ROWS) one import takes',
        response: { 200: z.object({ maxMegabytes: z.number(), maxRows: z.number().int() }) } },
    }, async (request) => importLimits(actorOf(request), { maxMegabytes: config.uploadMaxMb, maxRows: limits.maxRows }));

    scope.get('/records/import/template', {
      schema: { tags, summary: 'An empty import file with the Vietnamese column headers (XLSX with a "Hướng dẫn" sheet, or CSV)',
        querystring: z.object({ kind, format: z.enum(['xlsx', 'csv']).default('xlsx') }), produces: [XLSX_TYPE, CSV_TYPE], response: fileResponse(XLSX_TYPE, CSV_TYPE) },
    }, async (request, reply) => {
      const { kind: k, format } = request.query;
      const { file, fileName } = await importTemplate(db, actorOf(request), k, format);
      return reply.type(format === 'xlsx' ? XLSX_TYPE : CSV_TYPE)
        .header('content-disposition', `attachment; filename="${fileName}"`).send(file);
    });

    scope.post('/records/import', {
      schema: { tags, summary: 'Import records from an XLSX or CSV file sent as the raw body: every row is checked, then all are written or none',
        description: '422 import.invalid_rows with error.details.errors = [{ row, column, message }] when any row is wrong; nothing is written. '
          + '413 import.too_large past UPLOAD_MAX_MB, 422 import.too_many_rows past IMPORT_MAX_ROWS. With Accept: application/x-ndjson, '
          + 'a file read in more than one batch is answered as lines of JSON: { progress: { read, validated, written } } per batch, '
          + 'then { result } or { status, error } (the same error an answer would carry).',
        consumes: UPLOAD_FILE_TYPES, querystring: importQuery, response: { 200: importResult } },
    }, async (request, reply) => {
      if (!isUploadedFile(request.body)) throw new AppError('import.not_spreadsheet', 415);
      const q = request.query;
      const input = {
        kind: q.kind, file: request.body, fileName: q.fileName, dryRun: q.dryRun === 'true', locale: request.locale, limits,
        lookupsBeside: deps.dbKind === 'postgres',
      };
      const ctx = commandContext(request, deps);
      if (!(request.headers.accept ?? '').includes(PROGRESS_TYPE)) return importRecords(ctx, input);

      // the answer turns into a stream of progress lines at the first batch; a refusal before it is an ordinary answer
      const lines = new PassThrough();
      let started: () => void = () => undefined;
      const firstBatch = new Promise<'progress'>((resolve) => { started = () => resolve('progress'); });
      const onProgress = (progress: ImportProgress) => { lines.write(`${JSON.stringify({ progress })}\n`); started(); };
      const run = importRecords(ctx, { ...input, onProgress });
      const first = await Promise.race([run, firstBatch]);
      if (first !== 'progress') return first;
      run.then(
        (result: ImportResult) => lines.end(`${JSON.stringify({ result })}\n`),
        (error: unknown) => {
          if (!(error instanceof AppError)) request.log.error({ err: error }, 'records import failed');
          const refusal = error instanceof AppError ? error : new AppError('internal', 500);
          lines.end(`${JSON.stringify({ status: refusal.status, ...appErrorBody(refusal, request.locale) })}\n`);
        },
      );
      // a stream is piped as it is, past the 200 schema (which describes the plain JSON answer)
      return reply.type(PROGRESS_TYPE).send(lines as never);
    });

    scope.get('/records/export.xlsx', {
      schema: { tags, summary: 'Records of the people and collectives of a subtree, in the import columns (re-importable)',
        querystring: z.object({ organisationId: z.uuid(), kind }), produces: [XLSX_TYPE], response: fileResponse(XLSX_TYPE) },
    }, async (request, reply) => {
      const { file, fileName } = await exportRecords(db, actorOf(request), request.query.kind, request.query.organisationId);
      return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).send(file);
    });
  }, { toFile: maxBytes, maxRows: limits.maxRows });
}

