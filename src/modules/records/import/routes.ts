import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { spreadsheetUploadRoutes, UPLOAD_BODY_LIMIT, UPLOAD_FILE_TYPES } from '../../../platform/http/uploads.ts';
import { RECORD_KINDS } from '../model.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../../platform/spreadsheets/sheet.ts';
import { exportRecords, importRecords, importTemplate } from './service.ts';
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

/** Import templates, bulk import (XLSX or CSV, all rows or none) and export of records. */
export async function recordImportRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;
  // the raw-file body parsers and the size message (413 import.too_large) apply to these routes only
  await spreadsheetUploadRoutes(app, (scope) => {
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
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: { tags, summary: 'Import records from an XLSX or CSV file sent as the raw body: every row is checked, then all are written or none',
        description: '422 import.invalid_rows with error.details.errors = [{ row, column, message }] when any row is wrong; nothing is written.',
        consumes: UPLOAD_FILE_TYPES, querystring: importQuery, response: { 200: importResult } },
    }, async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('import.not_spreadsheet', 415);
      const q = request.query;
      return importRecords(commandContext(request, deps), {
        kind: q.kind, file: request.body, fileName: q.fileName, dryRun: q.dryRun === 'true', locale: request.locale,
      });
    });

    scope.get('/records/export.xlsx', {
      schema: { tags, summary: 'Records of the people and collectives of a subtree, in the import columns (re-importable)',
        querystring: z.object({ organisationId: z.uuid(), kind }), produces: [XLSX_TYPE], response: fileResponse(XLSX_TYPE) },
    }, async (request, reply) => {
      const { file, fileName } = await exportRecords(db, actorOf(request), request.query.kind, request.query.organisationId);
      return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).send(file);
    });
  });
}
