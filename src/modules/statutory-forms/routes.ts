import { z } from 'zod';
import { actorOf, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { isoDate } from '../organisations/index.ts';
import { XLSX_TYPE } from '../../platform/spreadsheets/sheet.ts';
import { FORM_CODES, MAX_YEAR, MIN_YEAR } from './model.ts';
import { formWorkbook, listForms } from './service.ts';
import { fileResponse } from '../../platform/http/responses.ts';

const tags = ['statutory-forms'];
const YEAR = 'statutory_forms.year';
const year = z.coerce.number({ message: YEAR }).int({ message: YEAR }).min(MIN_YEAR, { message: YEAR }).max(MAX_YEAR, { message: YEAR });

const listSchema = z.object({
  year: z.number().int(),
  period: z.object({ from: isoDate, to: isoDate }),
  dueOn: isoDate,
  forms: z.array(z.object({ code: z.enum(FORM_CODES), number: z.string(), title: z.string() })),
});

/** The statutory annual statistical forms of TĐKT work (Circular 02/2023/TT-BNV), filled from the data. */
export async function statutoryFormRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock } = deps;

  app.get('/statutory-forms', {
    schema: {
      tags, querystring: z.object({ year: year.optional() }), response: { 200: listSchema },
      summary: 'The five statutory TĐKT forms of a year (this year by default): the period they cover (1/12 of the year before to 30/11) and their due date, 15/12',
    },
  }, async (request) => listForms(actorOf(request), request.query.year ?? Number(todayInVietnam(clock.now()).slice(0, 4))));

  app.get('/statutory-forms/:code.xlsx', {
    schema: {
      tags, produces: [XLSX_TYPE], response: fileResponse(XLSX_TYPE),
      params: z.object({ code: z.enum(FORM_CODES, { message: 'statutory_forms.unknown_form' }) }),
      querystring: z.object({ organisationId: z.uuid(), year }),
      summary: 'One form filled for the subtree of a reporting organisation and a year, as an XLSX file laid out like the paper form; cells the data cannot fill are blank and marked (*)',
    },
  }, async (request, reply) => {
    const { file, filename } = await formWorkbook(db, actorOf(request), request.params.code, request.query.organisationId, request.query.year);
    return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(file);
  });
}
