import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { spreadsheetUploadRoutes, UPLOAD_BODY_LIMIT, UPLOAD_FILE_TYPES } from '../../../platform/http/uploads.ts';
import { isoDate } from '../../organisations/index.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../../platform/spreadsheets/sheet.ts';
import { historyTemplate, importHistory, listUnmatched, matchAwards } from './service.ts';
import { fileResponse } from '../../../platform/http/responses.ts';

const tags = ['archive'];
const kind = z.enum(['individual', 'collective']);

const importQuery = z.object({
  organisationId: z.uuid().optional(),
  dryRun: z.enum(['true', 'false']).default('false'),
  fileName: z.string().max(255).default(''),
});
const importResult = z.object({
  rows: z.number().int(), created: z.number().int(), existing: z.number().int(),
  matchedPeople: z.number().int(), matchedOrganisations: z.number().int(), unmatched: z.number().int(),
  unmatchedRows: z.array(z.object({ row: z.number().int(), name: z.string(), unit: z.string(), kind, reason: z.enum(['not_found', 'ambiguous', 'unit_unknown']) })),
  dryRun: z.boolean(),
});
const unmatchedList = z.object({
  total: z.number().int(),
  groups: z.array(z.object({
    awardId: z.uuid(), kind, name: z.string(), unit: z.string(), birthYear: z.number().int().nullable(), count: z.number().int(),
    awards: z.array(z.object({ id: z.uuid(), form: z.string(), year: z.number().int(), number: z.string(), date: isoDate.nullable() })),
    candidates: z.array(z.object({ id: z.uuid(), fullName: z.string(), birthYear: z.number().int().nullable(), units: z.array(z.string()) })),
  })),
});

/**
 * The archive of past decisions: its template, the import (XLSX or CSV, all rows or none), and the
 * "match later" list with its matching action. The standing agency and administrators, in their subtree.
 */
export async function historyRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;
  // the whole file is the request body (an archive of many years is still far under UPLOAD_BODY_LIMIT)
  await spreadsheetUploadRoutes(app, (scope) => {
    scope.get('/archive/history/template', {
      schema: { tags, summary: 'The template of a file of past award decisions (Vietnamese headers, an example row; XLSX with a "Hướng dẫn" sheet, or CSV)',
        querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }), produces: [XLSX_TYPE, CSV_TYPE], response: fileResponse(XLSX_TYPE, CSV_TYPE) },
    }, async (request, reply) => {
      const { file, fileName } = await historyTemplate(db, actorOf(request), request.query.format);
      return reply.type(request.query.format === 'xlsx' ? XLSX_TYPE : CSV_TYPE)
        .header('content-disposition', `attachment; filename="${fileName}"`).send(file);
    });

    scope.post('/archive/history/import', {
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: { tags, summary: 'Import past award decisions from an XLSX or CSV file sent as the raw body: every row checked and matched, then all written or none',
        description: '422 import.invalid_rows with error.details.errors = [{ row, column, message }] when any row is wrong; nothing is written. '
          + 'Recipients not matched unambiguously are kept as written and listed in unmatchedRows.',
        consumes: UPLOAD_FILE_TYPES, querystring: importQuery, response: { 200: importResult } },
    }, async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('import.not_spreadsheet', 415);
      const q = request.query;
      return importHistory(commandContext(request, deps), {
        file: request.body, fileName: q.fileName, organisationId: q.organisationId, dryRun: q.dryRun === 'true', locale: request.locale,
      });
    });
  });

  app.get('/archive/history/unmatched', {
    schema: { tags, summary: 'Imported awards kept as written (no person or unit yet), grouped by the recipient as written, with likely people',
      querystring: z.object({ organisationId: z.uuid().optional(), q: z.string().max(100).optional() }), response: { 200: unmatchedList } },
  }, async (request) => listUnmatched(db, actorOf(request), request.query));

  app.post('/archive/history/match', {
    schema: { tags, summary: 'Give a person (individual) or a unit (collective) to an award kept as written, or to all written the same way',
      body: z.object({ awardId: z.uuid(), sameWritten: z.boolean().default(false), personId: z.uuid().optional(), organisationId: z.uuid().optional() }),
      response: { 200: z.object({ matched: z.number().int() }) } },
  }, async (request) => matchAwards(commandContext(request, deps), request.body));
}
