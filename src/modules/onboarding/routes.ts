import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { spreadsheetUploadRoutes, UPLOAD_BODY_LIMIT, UPLOAD_FILE_TYPES } from '../../platform/http/uploads.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../platform/spreadsheets/sheet.ts';
import { ONBOARDING_KINDS } from './columns.ts';
import {
  importAccounts, importClusters, importCouncils, importPeople, importUnits, onboardingTemplate, REGISTRY_KINDS, registryTemplate, type RegistryKind,
} from './service.ts';
import { importHouseholds, importResidents, RESIDENT_KINDS, residentTemplate } from './service.ts';
import { fileResponse } from '../../platform/http/responses.ts';

const tags = ['onboarding'];
const kind = z.enum([...ONBOARDING_KINDS, ...REGISTRY_KINDS]);
const isRegistry = (k: string): k is RegistryKind => (REGISTRY_KINDS as readonly string[]).includes(k);
const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false'), fileName: z.string().max(255).default('') });
const importResult = z.object({
  kind, rows: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), dryRun: z.boolean(),
  people: z.object({ created: z.number().int(), updated: z.number().int() }).optional(),
  mailed: z.array(z.string()).optional(),
  links: z.array(z.object({ username: z.string(), url: z.string() })).optional(),
  councils: z.object({ created: z.number().int(), updated: z.number().int() }).optional(),
  clusters: z.object({ created: z.number().int(), updated: z.number().int() }).optional(),
});
const residentImportResult = z.object({
  kind: z.enum(RESIDENT_KINDS), rows: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), dryRun: z.boolean(),
  people: z.object({ created: z.number().int(), updated: z.number().int() }).optional(),
});
const RESIDENT_SUMMARIES = {
  residents: { template: 'The residents import template (people without employment, by commune and village)',
    import: 'Import residents (code, name, commune code, village, residence dates) from an XLSX or CSV file' },
  households: { template: 'The households import template (one row per member)',
    import: 'Import households (code, commune, village, members by code, the head) from an XLSX or CSV file' },
} as const;
const PATHS = {
  units: '/onboarding/units/import', people: '/onboarding/people/import', accounts: '/onboarding/accounts/import',
  councils: '/onboarding/councils/import', clusters: '/onboarding/clusters/import',
} as const;
const SUMMARIES = {
  units: 'Import units (code, name, kind, level, parent code, validity, successors many-to-many) from an XLSX or CSV file',
  people: 'Import people with their employments (one row per employment, a person by HR code) from an XLSX or CSV file',
  accounts: 'Import accounts (username, name, e-mail, role at a unit) from an XLSX or CSV file; each new account gets a one-time setup link',
  councils: 'Import TĐKT councils with their members (one row per member: council code, unit, level, term; member by HR code or username, post, term)',
  clusters: 'Import emulation clusters and blocks of a year (one row per member unit: code, name, kind, year, role head/deputy/member, following council member)',
} as const;

/** Onboarding: templates and imports of units, people with employments, and accounts (raw file bodies, all rows or none). */
export async function onboardingRoutes(app: ZodApp, deps: AppDeps) {
  await spreadsheetUploadRoutes(app, (scope) => {
    scope.get('/onboarding/template', {
      schema: { tags, summary: 'An import template with the Vietnamese column headers and an example row (XLSX with a "Hướng dẫn" sheet, or CSV)',
        querystring: z.object({ kind, format: z.enum(['xlsx', 'csv']).default('xlsx') }), produces: [XLSX_TYPE, CSV_TYPE], response: fileResponse(XLSX_TYPE, CSV_TYPE) },
    }, async (request, reply) => {
      const { kind: k, format } = request.query;
      const { file, fileName } = isRegistry(k) ? await registryTemplate(actorOf(request), k, format) : await onboardingTemplate(actorOf(request), k, format);
      return reply.type(format === 'xlsx' ? XLSX_TYPE : CSV_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).send(file);
    });

    for (const k of [...ONBOARDING_KINDS, ...REGISTRY_KINDS]) {
      scope.post(PATHS[k], {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: { tags, summary: SUMMARIES[k],
          description: '422 import.invalid_rows with error.details.errors = [{ row, column, message }] when any row is wrong; nothing is written. dryRun=true checks and counts without writing.',
          consumes: UPLOAD_FILE_TYPES, querystring: importQuery, response: { 200: importResult } },
      }, async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('import.not_spreadsheet', 415);
        const ctx = commandContext(request, deps);
        const input = { file: request.body, fileName: request.query.fileName, dryRun: request.query.dryRun === 'true', locale: request.locale };
        if (k === 'units') return importUnits(ctx, input);
        if (k === 'people') return importPeople(ctx, input);
        if (k === 'councils') return importCouncils(ctx, input);
        if (k === 'clusters') return importClusters(ctx, input);
        return importAccounts(ctx, input, {
          mailer: deps.mailer, publicBaseUrl: deps.config.publicBaseUrl,
          onMailError: (error) => request.log.error(error, 'setup link not mailed'),
        });
      });
    }

    // residents (people without employment, by commune and village) and households (one row per member): issue 14.2
    for (const k of RESIDENT_KINDS) {
      scope.get(`/onboarding/${k}/template`, {
        schema: { tags, summary: RESIDENT_SUMMARIES[k].template, querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
          produces: [XLSX_TYPE, CSV_TYPE], response: fileResponse(XLSX_TYPE, CSV_TYPE) },
      }, async (request, reply) => {
        const { format } = request.query;
        const { file, fileName } = await residentTemplate(actorOf(request), k, format);
        return reply.type(format === 'xlsx' ? XLSX_TYPE : CSV_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).send(file);
      });
      scope.post(`/onboarding/${k}/import`, {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: { tags, summary: RESIDENT_SUMMARIES[k].import,
          description: '422 import.invalid_rows with error.details.errors = [{ row, column, message }] when any row is wrong; nothing is written. dryRun=true checks and counts without writing.',
          consumes: UPLOAD_FILE_TYPES, querystring: importQuery, response: { 200: residentImportResult } },
      }, async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('import.not_spreadsheet', 415);
        const input = { file: request.body, fileName: request.query.fileName, dryRun: request.query.dryRun === 'true', locale: request.locale };
        const ctx = commandContext(request, deps);
        return k === 'residents' ? importResidents(ctx, input) : importHouseholds(ctx, input);
      });
    }
  });
}
