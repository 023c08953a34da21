import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { renderDocx } from '../../platform/documents/docx.ts';
import { renderPdf } from '../../platform/documents/pdf.ts';
import { decidedBy, decisionNumber, lineOrder } from './model.ts';
import {
  createDraft, decidableCandidates, proposeDecisionNumber, decisionOfficialDocument, decisionsFor, deleteDraft, issueDecision, readDecision, updateDraft,
} from './service.ts';
import { fileResponse, noContent } from '../../platform/http/responses.ts';
import { calendarDate } from '../../platform/http/dates.ts';
import { certificatesPdf } from '../certificates/index.ts';
import { hasCertificate } from '../awards/index.ts';
import { documentNumber, documentSymbol } from '../../platform/http/document-numbers.ts';

const tags = ['decisions'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const params = z.object({ id: z.uuid() });
const isoDate = calendarDate;
const text = (max: number) => z.string().trim().max(max);

const signerSchema = z.object({
  authority: z.enum(['TM.', 'KT.', 'Q.', 'TL.']).nullable(),
  authorityBody: text(200).default(''),
  title: text(200).min(2),
  name: text(200).min(2),
}).strict();

const draftBody = z.object({
  candidateIds: z.array(z.uuid()).min(1).max(2000),
  number: documentNumber,
  // 'QĐ-VP', 'QĐ-UBND': the number series as it is written (src/shared/document-number.ts)
  symbol: documentSymbol,
  signedOn: isoDate,
  place: text(100).optional(),
  signer: signerSchema,
  reason: text(4000).min(5),
  budgetSource: text(500).default(''),
}).strict();

const lineSchema = z.object({
  id: z.uuid(), candidateId: z.uuid(), batchId: z.uuid(), personId: z.uuid().nullable(), organisationId: z.uuid().nullable(),
  recipient: z.enum(['individual', 'collective']), name: z.string(), position: z.string(), unitName: z.string(),
  coefficient: z.number().nullable(), baseSalary: z.number().int().nullable(), amount: z.number().int().nullable(), awardId: z.uuid().nullable(),
});

const decisionSchema = z.object({
  id: z.uuid(), status: z.enum(['draft', 'issued']), number: z.number().int(), symbol: z.string(), fullNumber: z.string(),
  place: z.string(), signedOn: isoDate, signer: signerSchema, decidedBy: z.string(),
  authority: z.object({ id: z.uuid(), name: z.string() }), awardForm: z.string(), awardFormName: z.string(),
  basis: z.enum(['merit', 'thematic', 'one_off', 'long_service']), year: z.number().int(), reason: z.string(), budgetSource: z.string(),
  issuedAt: z.string().nullable(), lines: z.array(lineSchema), total: z.number().int(), canIssue: z.boolean(),
  /** issued, and its form prints a certificate (Bằng khen, Giấy khen, title certificate): certificates.pdf has pages */
  printable: z.boolean(),
  /** send back with a change of the draft (optimistic concurrency) */
  version: z.number().int(),
});
/** the version the draft was loaded at: a stale one answers 409 edit.stale */
const redraftBody = draftBody.extend({ version: z.number().int().min(1).optional() }).strict();

const summarySchema = z.object({
  id: z.uuid(), status: z.enum(['draft', 'issued']), fullNumber: z.string(), signedOn: isoDate, awardFormName: z.string(),
  authorityName: z.string(), year: z.number().int(), lineCount: z.number().int(),
});

const candidateSchema = z.object({
  id: z.uuid(), batchId: z.uuid(), batchTitle: z.string(), unitName: z.string(), name: z.string(), position: z.string(),
  recipient: z.enum(['individual', 'collective', 'household']), status: z.enum(['accepted', 'voted']), year: z.number().int(),
  kind: z.enum(['merit', 'thematic', 'one_off', 'long_service']),
  blocked: z.enum(['household', 'vote_required']).nullable(), amount: z.number().int().nullable(),
});

const issueBody = z.object({ idempotencyKey: z.string().trim().min(8).max(200).optional() }).strict().nullish();
const issueSchema = z.object({
  id: z.uuid(), number: z.string(), replayed: z.boolean(), awards: z.array(z.object({ candidateId: z.uuid(), awardId: z.uuid() })),
});

export async function decisionRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;

  app.get('/decisions/candidates', {
    schema: {
      tags, summary: 'Accepted (or voted) candidates of an award form the actor\'s authority may decide, with their money on a signing date',
      querystring: z.object({ awardForm: z.string().min(1).max(100), signedOn: isoDate.optional() }),
      response: { 200: z.object({ awardFormName: z.string(), signedOn: isoDate, councilVote: z.boolean(), items: z.array(candidateSchema) }) },
    },
  }, async (request) => {
    const { awardForm, signedOn } = request.query;
    const found = await decidableCandidates(db, actorOf(request), awardForm, signedOn ?? null, deps.clock.now());
    return {
      awardFormName: found.form.name, signedOn: found.signedOn, councilVote: found.councilVote,
      items: found.items.map((c) => ({
        id: c.id, batchId: c.batch_id, batchTitle: c.batch_title, unitName: c.organisation_name, name: c.name, position: c.position,
        recipient: c.person_id ? 'individual' as const : c.organisation_id ? 'collective' as const : 'household' as const,
        status: c.status as 'accepted' | 'voted', year: c.year, kind: c.kind, blocked: c.blocked, amount: c.amount,
      })),
    };
  });

  app.get('/decisions/next-number', {
    schema: {
      tags, summary: 'The number the register proposes for a decision on this candidate: one past the highest its deciding authority took with the symbol that year',
      querystring: z.object({ candidateId: z.uuid(), symbol: documentSymbol, year: z.coerce.number().int().min(1945).max(2100) }),
      response: { 200: z.object({ number: z.number().int(), symbol: z.string(), year: z.number().int() }) },
    },
  }, async (request) => proposeDecisionNumber(db, actorOf(request), request.query));

  app.get('/decisions', {
    schema: { tags, summary: 'Award decisions of the authorities the actor reads or decides for', response: { 200: z.object({ items: z.array(summarySchema) }) } },
  }, async (request) => ({
    items: (await decisionsFor(db, actorOf(request))).map((d) => ({
      id: d.id, status: d.status, fullNumber: decisionNumber(d.number, d.symbol), signedOn: d.signed_on, awardFormName: d.award_form_name,
      authorityName: d.authority_name, year: d.year, lineCount: Number(d.line_count),
    })),
  }));

  app.post('/decisions', {
    schema: { tags, summary: 'Draft an award decision from accepted (or voted) candidates, with its money', body: draftBody,
      response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send({ id: await createDraft(commandContext(request, deps), request.body) }));

  app.get('/decisions/:id', {
    schema: { tags, summary: 'An award decision with its lines and money', params, response: { 200: decisionSchema } },
  }, async (request) => {
    const { decision: d, lines, canIssue } = await readDecision(db, actorOf(request), request.params.id);
    const signer = { authority: d.signer_authority, authorityBody: d.signer_authority_body, title: d.signer_title, name: d.signer_name };
    return {
      id: d.id, status: d.status, number: d.number, symbol: d.symbol, fullNumber: decisionNumber(d.number, d.symbol), place: d.place,
      signedOn: d.signed_on, signer, decidedBy: decidedBy(signer), authority: { id: d.authority_organisation_id, name: d.authority_name },
      awardForm: d.award_form, awardFormName: d.award_form_name, basis: d.basis, year: d.year, reason: d.reason, budgetSource: d.budget_source,
      issuedAt: d.issued_at ? d.issued_at.toISOString() : null, canIssue: canIssue && d.status === 'draft', version: d.version,
      printable: d.status === 'issued' && hasCertificate(d.award_form),
      total: lines.reduce((sum, l) => sum + (l.amount ?? 0), 0),
      lines: lineOrder(lines).map((l) => ({
        id: l.id, candidateId: l.candidate_id, batchId: l.batch_id, personId: l.person_id, organisationId: l.organisation_id, recipient: l.recipient,
        name: l.name, position: l.position, unitName: l.unit_name, coefficient: l.coefficient === null ? null : Number(l.coefficient),
        baseSalary: l.base_salary, amount: l.amount, awardId: l.award_id,
      })),
    };
  });

  app.put('/decisions/:id', {
    schema: { tags, summary: 'Change a draft decision (candidates, number, date and money, signer, texts)', params, body: redraftBody, response: noContent },
  }, async (request, reply) => {
    await updateDraft(commandContext(request, deps), request.params.id, request.body);
    return reply.status(204).send();
  });

  app.delete('/decisions/:id', {
    schema: { tags, summary: 'Delete a draft decision (its candidates become free again)', params, response: noContent },
  }, async (request, reply) => {
    await deleteDraft(commandContext(request, deps), request.params.id);
    return reply.status(204).send();
  });

  app.post('/decisions/:id/issue', {
    schema: {
      tags, summary: 'Issue the decision exactly once: awards enter the record, candidates are decided. Send an Idempotency-Key header (or body key).',
      params, body: issueBody, headers: z.object({ 'idempotency-key': z.string().trim().min(8).max(200).optional() }),
      response: { 200: issueSchema },
    },
  }, async (request) => {
    const key = request.headers['idempotency-key'] ?? request.body?.idempotencyKey ?? null;
    return issueDecision(commandContext(request, deps), request.params.id, key);
  });

  for (const format of ['docx', 'pdf'] as const) {
    app.get(`/decisions/:id/document.${format}`, {
      schema: { tags, summary: `The decision as an official document (Decree 30/2020) with its attached list, ${format.toUpperCase()}`, params,
        produces: [format === 'docx' ? DOCX_TYPE : 'application/pdf'], response: fileResponse(format === 'docx' ? DOCX_TYPE : 'application/pdf') },
    }, async (request, reply) => {
      const doc = await decisionOfficialDocument(db, actorOf(request), request.params.id);
      const file = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
      return reply.type(format === 'docx' ? DOCX_TYPE : 'application/pdf')
        .header('content-disposition', `attachment; filename="quyet-dinh-${doc.number ?? 'du-thao'}.${format}"`).send(file);
    });
  }

  app.get('/decisions/:id/certificates.pdf', {
    schema: { tags, summary: 'Every certificate of an issued decision as one PDF: one page per award, in the decision\'s order (revoked awards left out)',
      params, produces: ['application/pdf'], response: fileResponse('application/pdf') },
  }, async (request, reply) => {
    const { decision, lines } = await readDecision(db, actorOf(request), request.params.id);
    const awardIds = lineOrder(lines).filter((l) => l.award_id).map((l) => l.award_id!);
    const file = await certificatesPdf(db, decision.tenant_id, awardIds, deps.config.publicBaseUrl);
    return reply.type('application/pdf')
      .header('content-disposition', `attachment; filename="khen-thuong-${decisionNumber(decision.number, decision.symbol).replace(/[^0-9A-Za-z-]+/g, '-')}.pdf"`).send(file);
  });
}
