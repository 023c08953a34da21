import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { renderDocx } from '../../platform/documents/docx.ts';
import { myReports, returnReport, saveSections, startReportFromCompilation, submitReport } from './service.ts';
import { compilationDocument, compilationSchema, presentCompilation, presentReport, reportDocument, reportViewSchema, unitStateSchema } from './present.ts';
import { unitState } from './model.ts';
import { fileResponse } from '../../platform/http/responses.ts';
import { calendarDate } from '../../platform/http/dates.ts';

const tags = ['reports'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const params = z.object({ phaseId: z.uuid(), organisationId: z.uuid() });
const TEXT_MAX = 50_000;
const sectionsBody = z.object({
  // "0" for section I's own text, "0.2" for its third point; plain text, kept as typed
  sections: z.record(z.string().regex(/^\d{1,3}(\.\d{1,3})?$/u), z.string().max(TEXT_MAX))
    .refine((s) => Object.keys(s).length <= 500, { message: 'too many sections' }),
  // saved as a whole: the version the form was filled from, none before the first save (409 edit.stale if stale)
  version: z.number().int().min(1).optional(),
}).strict();
const listItem = z.object({
  phaseId: z.uuid(), phaseTitle: z.string(), dueOn: calendarDate.nullable(), movement: z.object({ id: z.uuid(), name: z.string() }),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
});

export async function reportRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;

  app.get('/reports', {
    schema: { tags, summary: 'Reports my units owe on outlined phases, and the phases whose reports my units receive',
      querystring: z.object({ phaseId: z.uuid().optional() }),
      response: { 200: z.object({
        items: z.array(listItem.extend({ issuerName: z.string(), state: unitStateSchema })),
        received: z.array(listItem.extend({ submitted: z.number().int() })),
      }) } },
  }, async (request) => {
    const { owed, received } = await myReports(db, actorOf(request), request.query.phaseId);
    return {
      items: owed.map((r) => ({
        phaseId: r.phase_id, phaseTitle: r.phase_title, dueOn: r.due_on, movement: { id: r.movement_id, name: r.movement_name },
        organisation: { id: r.organisation_id, name: r.organisation_name }, issuerName: r.issuer_name,
        state: unitState(r.status ? { status: r.status, first_submitted_at: r.first_submitted_at } : null, r.due_on),
      })),
      received: received.map((r) => ({
        phaseId: r.phase_id, phaseTitle: r.phase_title, dueOn: r.due_on, movement: { id: r.movement_id, name: r.movement_name },
        organisation: { id: r.organisation_id, name: r.organisation_name }, submitted: Number(r.submitted ?? 0),
      })),
    };
  });

  const report = '/reports/phases/:phaseId/organisations/:organisationId';

  app.get(report, {
    schema: { tags, summary: 'A unit\'s report on a phase: its texts per outline section and point, figures, history', params,
      response: { 200: reportViewSchema } },
  }, async (request) => presentReport(db, actorOf(request), request.params.phaseId, request.params.organisationId));

  app.put(report, {
    schema: { tags, summary: 'Save the texts of a draft (or returned) report; a submitted one is read-only (409)', params, body: sectionsBody,
      response: { 200: reportViewSchema } },
  }, async (request) => {
    const { phaseId, organisationId } = request.params;
    await saveSections(commandContext(request, deps), phaseId, organisationId, request.body.sections, request.body.version);
    return presentReport(db, actorOf(request), phaseId, organisationId);
  });

  app.post(`${report}/submit`, {
    schema: { tags, summary: 'Send the report to the level above: read-only, its figures frozen, late if past the due day', params,
      response: { 200: reportViewSchema } },
  }, async (request) => {
    const { phaseId, organisationId } = request.params;
    await submitReport(commandContext(request, deps), phaseId, organisationId);
    return presentReport(db, actorOf(request), phaseId, organisationId);
  });

  app.post(`${report}/return`, {
    schema: { tags, summary: 'The receiving level returns a submitted report with its reason, reopening it', params,
      body: z.object({ reason: z.string().trim().max(2000) }).strict(), response: { 200: reportViewSchema } },
  }, async (request) => {
    const { phaseId, organisationId } = request.params;
    await returnReport(commandContext(request, deps), phaseId, organisationId, request.body.reason);
    return presentReport(db, actorOf(request), phaseId, organisationId);
  });

  app.post(`${report}/start-from-compilation`, {
    schema: { tags, summary: 'Fill the empty texts of this level\'s report with what its units sent', params,
      response: { 200: reportViewSchema } },
  }, async (request) => {
    const { phaseId, organisationId } = request.params;
    await startReportFromCompilation(commandContext(request, deps), phaseId, organisationId);
    return presentReport(db, actorOf(request), phaseId, organisationId);
  });

  app.get(`${report}/document.docx`, {
    schema: { tags, summary: 'The report as an official document (Decree 30/2020), DOCX', params, produces: [DOCX_TYPE], response: fileResponse(DOCX_TYPE) },
  }, async (request, reply) => {
    const doc = await reportDocument(db, actorOf(request), request.params.phaseId, request.params.organisationId);
    return reply.type(DOCX_TYPE).header('content-disposition', 'attachment; filename="bao-cao.docx"').send(await renderDocx(doc));
  });

  const compilation = '/reports/phases/:phaseId/compilations/:organisationId';

  app.get(compilation, {
    schema: { tags, summary: 'The compilation at a receiving level: who has reported, figures per unit and in all, the texts gathered', params,
      response: { 200: compilationSchema } },
  }, async (request) => presentCompilation(db, actorOf(request), request.params.phaseId, request.params.organisationId));

  app.get(`${compilation}/document.docx`, {
    schema: { tags, summary: 'The compiled report as an official document (Decree 30/2020), DOCX', params, produces: [DOCX_TYPE], response: fileResponse(DOCX_TYPE) },
  }, async (request, reply) => {
    const doc = await compilationDocument(db, actorOf(request), request.params.phaseId, request.params.organisationId);
    return reply.type(DOCX_TYPE).header('content-disposition', 'attachment; filename="bao-cao-tong-hop.docx"').send(await renderDocx(doc));
  });
}
