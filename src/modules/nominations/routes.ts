import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { renderDocx } from '../../platform/documents/docx.ts';
import { uploadFrom, uploadLimitBytes, withRawUploads } from '../../platform/storage/upload-routes.ts';
import { DOCUMENT_FILE_NAMES, DOCUMENT_KINDS, NOMINATION_KINDS, type CandidateKind, type Flag } from './model.ts';
import type { CandidateEligibility } from './eligibility.ts';
import { dossierDraft, downloadDocument, uploadDocument } from './documents.ts';
import { batchDetail } from './present.ts';
import { addCandidate, createBatch, listScope, removeCandidate, updateCandidate } from './service.ts';
import { assignBatch, reviewList, specialistsFor } from './desk.ts';
import { listBatches } from './store.ts';
import { procedureFor, setProcedure } from './procedure.ts';
import { formsSeenBy, seenForm } from '../awards/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import { assertCan } from '../../platform/auth/policy.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { rootPathOf } from './service.ts';
import { finishAppraisal, forwardCandidates, giveVerdict, moveBatch, recallBatch, submitBatch, withdrawCandidate } from './transitions.ts';
import { BATCH_STATUSES, CANDIDATE_STATUSES, type BatchAction, type CandidateAction } from './workflow.ts';
import { fileResponse, noContent } from '../../platform/http/responses.ts';
import { spreadsheetUploadRoutes, UPLOAD_BODY_LIMIT, UPLOAD_FILE_TYPES } from '../../platform/http/uploads.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../platform/spreadsheets/sheet.ts';
import { addQualifying, candidateTemplate, importCandidates, previewQualifying } from './bulk.ts';

const tags = ['nominations'];
const id = z.object({ id: z.uuid() });
const candidateParams = z.object({ id: z.uuid(), candidateId: z.uuid() });
const reasonBody = z.object({ reason: z.string().trim().max(2000).default('') }).strict();
/** a step the law wants explained: the reason is kept in the history (an empty one answers 400) */
const requiredReasonBody = z.object({ reason: z.string().trim().max(2000) }).strict();

const createBody = z.object({
  organisationId: z.uuid(),
  kind: z.enum(NOMINATION_KINDS as unknown as ['merit', 'thematic', 'one_off', 'long_service']),
  movementId: z.uuid().nullable().optional(),
  awardItemId: z.uuid().nullable().optional(),
  awardForm: z.string().min(1).max(100).optional(),
  receivingOrganisationId: z.uuid().optional(),
  year: z.number().int().min(1975).max(2100).optional(),
  title: z.string().trim().max(500).optional(),
}).strict();

const candidateBody = z.object({
  personId: z.uuid().optional(), organisationId: z.uuid().optional(), householdId: z.uuid().optional(),
  achievement: z.string().trim().max(20_000).optional(),
}).strict().refine((b) => [b.personId, b.organisationId, b.householdId].filter(Boolean).length === 1,
  { message: 'nomination.one_candidate', path: ['personId'] });

const batchSummary = z.object({
  id: z.uuid(), title: z.string(), kind: z.enum(NOMINATION_KINDS), year: z.number(), status: z.enum(BATCH_STATUSES), awardForm: z.string(),
  awardFormName: z.string(), organisation: z.object({ id: z.uuid(), name: z.string() }), receiving: z.object({ id: z.uuid(), name: z.string() }),
  movementId: z.uuid().nullable(), receiptNumber: z.string().nullable(), candidateCount: z.number(), updatedAt: z.string(),
  forwardedFromBatchId: z.uuid().nullable(),
});

/** The values present.ts answers, each list checked against the model's type. */
const AWARD_LEVELS = ['state', 'government', 'ministry', 'province', 'commune', 'base'] as const;
const CANDIDATE_KINDS = ['person', 'collective', 'household'] as const satisfies readonly CandidateKind[];
const ELIGIBILITY_SOURCES = ['movement', 'catalogue', 'none'] as const satisfies readonly CandidateEligibility['source'][];
const FLAGS = ['awarded_this_year', 'nominated_elsewhere', 'not_eligible', 'needs_attestation'] as const satisfies readonly Flag[];
const CANDIDATE_ACTIONS = ['submit', 'recall', 'withdraw', 'accept', 'return', 'reject', 'vote_pass', 'vote_fail', 'defer', 'forward', 'decide'] as const satisfies readonly CandidateAction[];
/** every batch action (workflow.ts); present.ts leaves out edit (that is `batch.editable`) and close, which the page does not offer */
const BATCH_ACTIONS = ['edit', 'request_approval', 'send_back', 'submit', 'recall', 'open_appraisal', 'return', 'accept', 'close'] as const satisfies readonly BatchAction[];

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function nominationRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;

  await withRawUploads(app, deps, (scope) => {
    scope.put('/nominations/batches/:id/documents/:kind', {
      schema: {
        tags, summary: 'Upload a signed scan (PDF) for one document of the dossier; the body is the file, x-file-name its name',
        params: z.object({ id: z.uuid(), kind: z.enum(DOCUMENT_KINDS as unknown as ['proposal_letter']) }),
        querystring: z.object({ candidateId: z.uuid().optional() }),
        response: { 201: z.object({ id: z.uuid() }) },
      },
    }, async (request, reply) => {
      const id = await uploadDocument(commandContext(request, deps), deps.files, request.params.id, request.params.kind,
        request.query.candidateId ?? null, { ...uploadFrom(request), maxBytes: uploadLimitBytes(deps.config) });
      return reply.status(201).send({ id });
    });
  });

  app.get('/nominations/batches/:id/documents/:documentId', {
    schema: { tags, summary: 'Download a document of the dossier (the signed PDF)', params: z.object({ id: z.uuid(), documentId: z.uuid() }),
      produces: ['application/pdf'], response: fileResponse('application/pdf') },
  }, async (request, reply) => {
    const file = await downloadDocument(db, actorOf(request), deps.files, request.params.id, request.params.documentId);
    return reply.type('application/pdf')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.bytes);
  });

  app.get('/nominations/batches/:id/drafts/:kind', {
    schema: { tags, summary: 'A generated draft of the dossier (DOCX): proposal letter, minutes, or a candidate\'s achievement report',
      params: z.object({ id: z.uuid(), kind: z.enum(['proposal_letter.docx', 'minutes.docx', 'achievement_report.docx']) }),
      querystring: z.object({ candidateId: z.uuid().optional() }), produces: [DOCX_TYPE], response: fileResponse(DOCX_TYPE) },
  }, async (request, reply) => {
    const kind = request.params.kind.replace('.docx', '') as 'proposal_letter' | 'minutes' | 'achievement_report';
    const doc = await dossierDraft(db, actorOf(request), request.params.id, kind, request.query.candidateId ?? null, deps.clock.now());
    return reply.type(DOCX_TYPE).header('content-disposition', `attachment; filename="${DOCUMENT_FILE_NAMES[kind]}.docx"`).send(await renderDocx(doc));
  });

  app.get('/nominations/batches', {
    schema: {
      tags, summary: 'Nomination batches of the actor\'s units, and those its level receives',
      querystring: z.object({ status: z.enum(BATCH_STATUSES as unknown as ['draft']).optional(), movementId: z.uuid().optional() }),
      response: { 200: z.object({ items: z.array(batchSummary) }) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const rows = await listBatches(db, actor.tenantId, { ...listScope(actor), status: request.query.status, movementId: request.query.movementId });
    return {
      items: rows.map((b) => ({
        id: b.id, title: b.title, kind: b.kind, year: b.year, status: b.status, awardForm: b.award_form, awardFormName: b.award_form_name,
        organisation: { id: b.organisation_id, name: b.organisation_name }, receiving: { id: b.receiving_organisation_id, name: b.receiving_name },
        movementId: b.movement_id, receiptNumber: b.receipt_number, candidateCount: Number(b.candidate_count), updatedAt: b.updated_at.toISOString(),
        forwardedFromBatchId: b.forwarded_from_batch_id,
      })),
    };
  });

  app.post('/nominations/batches', {
    schema: { tags, summary: 'Open a nomination batch (draft) for a unit', body: createBody, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send({ id: await createBatch(commandContext(request, deps), request.body) }));

  // every field present.ts answers (the serialiser drops the rest), with its values; the procedure passes through as it is (the page does not read it)
  const ref = z.object({ id: z.string(), name: z.string() });
  const batchDetailSchema = z.object({
    batch: z.object({
      id: z.string(), title: z.string(), kind: z.enum(NOMINATION_KINDS), year: z.number(), status: z.enum(BATCH_STATUSES), awardForm: z.string(),
      awardFormName: z.string(), awardFormLevel: z.enum(AWARD_LEVELS), organisation: ref, receiving: ref, movement: ref.nullable(),
      awardItemId: z.string().nullable(), forwardedFromBatchId: z.string().nullable(), receiptNumber: z.string().nullable(),
      submittedAt: z.string().nullable(), editable: z.boolean(), version: z.number().int(), statusReason: z.string().nullable(),
      desk: z.object({
        assignee: ref.nullable(), listReviewedAt: z.string().nullable(), listReviewedBy: ref.nullable(), canAssign: z.boolean(), canReviewList: z.boolean(),
      }),
    }),
    candidates: z.array(z.object({
      id: z.string(), kind: z.enum(CANDIDATE_KINDS), subjectId: z.string(), name: z.string(), position: z.string(), unitName: z.string(),
      isLeader: z.boolean(), achievement: z.string(), status: z.enum(CANDIDATE_STATUSES), note: z.string(),
      eligibility: z.object({
        status: z.enum(['met', 'attest', 'unmet']), source: z.enum(ELIGIBILITY_SOURCES), reasons: z.array(z.string()),
      }).nullable(),
      awardId: z.string().nullable(), flags: z.array(z.enum(FLAGS)), actions: z.array(z.enum(CANDIDATE_ACTIONS)),
      /** returned for supplement: the document the standing agency asked for (null: none named), and when */
      requestedDocument: z.enum(DOCUMENT_KINDS).nullable(), requestedAt: z.string().nullable(),
      /** send back with a change of the achievement summary (optimistic concurrency) */
      version: z.number().int(),
    })),
    nonLeaders: z.object({ people: z.number(), nonLeaders: z.number() }),
    documents: z.array(z.object({
      id: z.string(), kind: z.enum(DOCUMENT_KINDS), candidateId: z.string().nullable(), name: z.string(), size: z.number(), sha256: z.string(),
      /** what in the PDF can act when opened (scripts, actions, embedded files): the officer is warned */
      activeContent: z.array(z.string()),
      uploadedAt: z.string(),
    })),
    requiredDocuments: z.array(z.object({ kind: z.enum(DOCUMENT_KINDS), perCandidate: z.boolean() })),
    missingDocuments: z.array(z.object({ kind: z.enum(DOCUMENT_KINDS), candidateId: z.string().nullable() })),
    window: z.object({ opens: z.string().nullable(), closes: z.string().nullable(), state: z.enum(['open', 'not_open', 'closed']) }),
    quotas: z.array(z.object({
      id: z.string(), label: z.string(), individuals: z.number().nullable(), collectives: z.number().nullable(), total: z.number().nullable(),
      used: z.object({ individuals: z.number(), collectives: z.number(), total: z.number() }),
    })),
    overQuota: z.array(z.object({
      quotaId: z.string(), label: z.string(), field: z.enum(['individuals', 'collectives', 'total']), limit: z.number(), count: z.number(),
    })),
    procedure: z.unknown(),
    history: z.array(z.object({
      id: z.string(), candidateId: z.string().nullable(), action: z.string(), from: z.string(), to: z.string(), reason: z.string(), at: z.string(),
      actorName: z.string(),
    })),
    actions: z.array(z.enum(BATCH_ACTIONS)),
  });

  app.get('/nominations/batches/:id', {
    schema: { tags, summary: 'A batch: candidates, eligibility and flags, dossier, quotas, window, history, allowed actions', params: id,
      response: { 200: batchDetailSchema } },
  }, async (request) => batchDetail(db, actorOf(request), request.params.id, deps.clock.now()));

  app.post('/nominations/batches/:id/candidates', {
    schema: { tags, summary: 'Add a candidate (person, collective or household) to a batch', params: id, body: candidateBody, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send({
    id: await addCandidate(commandContext(request, deps), request.params.id, request.body, request.locale),
  }));

  // bulk work (issue 17.7): everyone who qualifies, and a list from a spreadsheet
  app.get('/nominations/batches/:id/qualifying', {
    schema: { tags, summary: 'Who "add everyone who qualifies" would add to a draft batch: counts and the first names', params: id,
      response: { 200: z.object({ individuals: z.number().int(), collectives: z.number().int(), total: z.number().int(), names: z.array(z.string()) }) } },
  }, async (request) => previewQualifying(commandContext(request, deps), request.params.id));

  app.post('/nominations/batches/:id/candidates/qualifying', {
    schema: { tags, summary: 'Add every subject the eligibility check finds met for the batch\'s form and year (in the unit\'s subtree, not yet nominated for it)',
      params: id, response: { 200: z.object({ added: z.number().int(), ids: z.array(z.uuid()) }) } },
  }, async (request) => addQualifying(commandContext(request, deps), request.params.id));

  await spreadsheetUploadRoutes(app, (scope) => {
    scope.get('/nominations/candidates/template', {
      schema: { tags, summary: 'The template of a list of candidates (Mã cán bộ / Mã đơn vị, Thành tích tóm tắt), XLSX with a "Hướng dẫn" sheet or CSV',
        querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }), produces: [XLSX_TYPE, CSV_TYPE], response: fileResponse(XLSX_TYPE, CSV_TYPE) },
    }, async (request, reply) => {
      const { file, fileName } = await candidateTemplate(actorOf(request), request.query.format);
      return reply.type(request.query.format === 'xlsx' ? XLSX_TYPE : CSV_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).send(file);
    });
    scope.post('/nominations/batches/:id/candidates/import', {
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: { tags, summary: 'Add candidates to a draft batch from an XLSX or CSV list (one row per person or collective)',
        description: '422 import.invalid_rows with error.details.errors = [{ row, column, message }] when any row is wrong; nothing is written. dryRun=true checks and counts without writing.',
        consumes: UPLOAD_FILE_TYPES, params: id,
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false'), fileName: z.string().max(255).default('') }),
        response: { 200: z.object({
          rows: z.number().int(), added: z.number().int(), individuals: z.number().int(), collectives: z.number().int(), notEligible: z.number().int(),
          dryRun: z.boolean(), candidates: z.array(z.object({ row: z.number().int(), name: z.string(), eligibility: z.enum(['met', 'attest', 'unmet']) })),
        }) } },
    }, async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('import.not_spreadsheet', 415);
      return importCandidates(commandContext(request, deps), request.params.id, {
        file: request.body, fileName: request.query.fileName, dryRun: request.query.dryRun === 'true', locale: request.locale });
    });
  });

  app.patch('/nominations/batches/:id/candidates/:candidateId', {
    schema: { tags, summary: 'Change a candidate\'s achievement summary', params: candidateParams, response: noContent,
      body: z.object({
        achievement: z.string().trim().max(20_000),
        /** the candidate's version the form was filled from: a stale one answers 409 edit.stale */
        version: z.number().int().min(1).optional(),
      }).strict() },
  }, async (request, reply) => {
    await updateCandidate(commandContext(request, deps), request.params.id, request.params.candidateId, request.body);
    return reply.status(204).send();
  });

  app.delete('/nominations/batches/:id/candidates/:candidateId', {
    schema: { tags, summary: 'Remove a candidate never submitted', params: candidateParams, response: noContent },
  }, async (request, reply) => {
    await removeCandidate(commandContext(request, deps), request.params.id, request.params.candidateId);
    return reply.status(204).send();
  });

  for (const [path, action, summary] of [
    ['request-approval', 'request_approval', 'Send the batch to the unit\'s head for approval'],
    ['send-back', 'send_back', 'The head sends the batch back to the officer, with a reason'],
    ['open-appraisal', 'open_appraisal', 'The standing agency starts appraising a submitted batch'],
  ] as const) {
    app.post(`/nominations/batches/:id/${path}`, { schema: { tags, summary, params: id, body: reasonBody.nullish(), response: noContent } }, async (request, reply) => {
      await moveBatch(commandContext(request, deps), request.params.id, action, request.body?.reason ?? '');
      return reply.status(204).send();
    });
  }

  app.post('/nominations/batches/:id/recall', {
    schema: { tags, summary: 'The unit\'s head recalls (thu hồi) a submitted batch, with a reason, before the receiving level opens appraisal: back to draft',
      params: id, body: requiredReasonBody, response: noContent },
  }, async (request, reply) => {
    await recallBatch(commandContext(request, deps), request.params.id, request.body.reason);
    return reply.status(204).send();
  });

  app.post('/nominations/batches/:id/candidates/:candidateId/withdraw', {
    schema: { tags, summary: 'The unit withdraws (rút) a candidate of a batch it holds, with a reason kept in the history',
      params: candidateParams, body: requiredReasonBody, response: noContent },
  }, async (request, reply) => {
    await withdrawCandidate(commandContext(request, deps), request.params.id, request.params.candidateId, request.body.reason);
    return reply.status(204).send();
  });

  app.post('/nominations/batches/:id/submit', {
    schema: { tags, summary: 'The head approves and submits (window, dossier and quotas are checked); returns the receipt', params: id,
      response: { 200: z.object({ receiptNumber: z.string() }) } },
  }, async (request) => submitBatch(commandContext(request, deps), request.params.id));

  app.post('/nominations/batches/:id/candidates/:candidateId/verdict', {
    schema: { tags, summary: 'Appraisal verdict on one candidate: accept, return for supplement, or reject (with a reason)', params: candidateParams,
      body: z.object({
        verdict: z.enum(['accept', 'return', 'reject']), reason: z.string().trim().max(2000).default(''),
        /** returning for supplement: the document the unit must file before the candidate goes up again */
        documentKind: z.enum(DOCUMENT_KINDS as unknown as ['proposal_letter']).optional(),
      }).strict(), response: noContent },
  }, async (request, reply) => {
    await giveVerdict(commandContext(request, deps), request.params.id, request.params.candidateId, request.body.verdict, request.body.reason,
      request.body.documentKind);
    return reply.status(204).send();
  });

  app.post('/nominations/batches/:id/finish-appraisal', {
    schema: { tags, summary: 'End the appraisal: returned to the unit if any candidate was returned, else accepted', params: id,
      response: { 200: z.object({ status: z.enum(['returned', 'accepted']) }) } },
  }, async (request) => ({ status: await finishAppraisal(commandContext(request, deps), request.params.id) }));

  // the standing agency's desk (desk.ts): who handles a received batch, and the head's review of the appraised list
  app.get('/nominations/batches/:id/specialists', {
    schema: { tags, summary: 'The standing officers of the receiving level a received batch may be assigned to', params: id,
      response: { 200: z.array(z.object({ id: z.uuid(), displayName: z.string() })) } },
  }, async (request) => (await specialistsFor(deps.db, actorOf(request), request.params.id)).map((u) => ({ id: u.id, displayName: u.display_name })));

  app.post('/nominations/batches/:id/assign', {
    schema: { tags, summary: 'Assign (or reassign) a received batch to a standing officer (chuyên viên) of the receiving level; a step of its history',
      params: id, body: z.object({ userId: z.uuid(), version: z.number().int().optional() }).strict(), response: noContent },
  }, async (request, reply) => {
    await assignBatch(commandContext(request, deps), request.params.id, request.body);
    return reply.status(204).send();
  });

  app.post('/nominations/batches/:id/review-list', {
    schema: { tags, summary: 'The head reviews the appraised list (trưởng ban duyệt danh sách) before it goes to the council or the decision',
      params: id, body: z.object({ version: z.number().int().optional(), note: z.string().trim().max(2000).optional() }).strict().nullish(), response: noContent },
  }, async (request, reply) => {
    await reviewList(commandContext(request, deps), request.params.id, request.body ?? {});
    return reply.status(204).send();
  });

  app.post('/nominations/batches/:id/forward', {
    schema: { tags, summary: 'Forward accepted candidates beyond this level\'s authority up the tree as a new batch', params: id,
      body: z.object({ candidateIds: z.array(z.uuid()).min(1).max(500) }).strict(), response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send({
    id: await forwardCandidates(commandContext(request, deps), request.params.id, request.body.candidateIds),
  }));

  const procedureSchema = z.object({
    awardForm: z.string(), councilVote: z.boolean(), secretBallot: z.boolean(), thresholdPercent: z.number(),
    thresholdOf: z.enum(['members', 'present']), consultationDays: z.number().nullable(), citation: z.string(), custom: z.boolean(),
    /** the version of the tenant's own setting, sent back when changing it; null for the default */
    version: z.number().int().nullable(),
  });

  app.get('/nominations/procedures', {
    schema: { tags, summary: 'How each award form is decided in this province or ministry: council vote, threshold, public consultation',
      response: { 200: z.object({ items: z.array(procedureSchema) }) } },
  }, async (request) => {
    const actor = actorOf(request);
    const forms = await formsSeenBy(db, actor.tenantId).select('code').orderBy('sort_order').execute();
    return { items: await Promise.all(forms.map((f) => procedureFor(db, actor.tenantId, f.code))) };
  });

  app.put('/nominations/procedures/:awardForm', {
    schema: {
      tags, summary: 'Set how an award form is decided here (the standing agency at the top of the tree), citing the decision',
      params: z.object({ awardForm: z.string().min(1).max(100) }),
      body: z.object({
        councilVote: z.boolean(), secretBallot: z.boolean(), thresholdPercent: z.number().gt(0).max(100),
        thresholdOf: z.enum(['members', 'present']), consultationDays: z.number().int().min(1).max(60).nullable(),
        citation: z.string().trim().min(3).max(500),
        // set by key (create or replace): the version of the setting the form showed, none while the default holds
        version: z.number().int().min(1).optional(),
      }).strict(),
      response: { 200: procedureSchema },
    },
  }, async (request) => {
    const ctx = commandContext(request, deps);
    const { actor } = ctx;
    const root = actor.grants.map((g) => rootPathOf(g.path))[0] ?? '/';
    assertCan(actor, 'nomination.appraise', root);
    const form = await seenForm(db, actor.tenantId, request.params.awardForm);
    if (!form) throw notFound('award_form');
    const before = await procedureFor(db, actor.tenantId, form.code);
    await db.transaction().execute(async (trx) => {
      await setProcedure(trx, actor.tenantId, form.code, request.body, actor.userId, ctx.now);
      await recordAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, action: 'nomination.procedure.set', entityType: 'award_form',
        entityId: null, organisationPath: root, changes: { awardForm: form.code, before, after: request.body }, requestId: ctx.requestId, at: ctx.now });
    });
    return procedureFor(db, actor.tenantId, form.code);
  });
}

