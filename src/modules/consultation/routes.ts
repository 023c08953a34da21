import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { isoDate } from '../organisations/index.ts';
import { AUTHOR_MAX, COMMENT_MAX, COMMENT_RATE, CONTACT_MAX, consultationState } from './model.ts';
import {
  closeConsultation, consultationDetail, extendConsultation, consultationsOf, createConsultation, moderateComment, postComment, previewConsultation, publicConsultation,
} from './service.ts';
import { openConsultations } from './store.ts';
import { noContent } from '../../platform/http/responses.ts';

const tags = ['consultation'];
const publicTags = ['public'];
const text = (max: number) => z.string().trim().max(max);
const state = z.enum(['scheduled', 'open', 'ended', 'closed']);
const commentStatus = z.enum(['pending', 'published', 'hidden']);

const summary = z.object({
  id: z.uuid(), title: z.string(), organisationName: z.string(), awardFormName: z.string(), channel: z.string(),
  startsOn: isoDate, endsOn: isoDate, workingDays: z.number().int(), state, candidateCount: z.number().int(), pendingCount: z.number().int(),
});

const detail = z.object({
  id: z.uuid(), title: z.string(), organisationId: z.uuid(), organisationName: z.string(), awardForm: z.string(), awardFormName: z.string(),
  channel: z.string(), startsOn: isoDate, endsOn: isoDate, workingDays: z.number().int(), state, closedAt: z.string().nullable(),
  candidates: z.array(z.object({
    candidateId: z.uuid(), batchId: z.uuid(), no: z.number().int(), name: z.string(), position: z.string(), unitName: z.string(),
    awardName: z.string(), status: z.string(),
  })),
  comments: z.array(z.object({
    id: z.uuid(), candidateNo: z.number().int().nullable(), authorName: z.string(), contact: z.string(), body: z.string(), status: commentStatus,
    handlingNote: z.string(), handledBy: z.string().nullable(), handledAt: z.string().nullable(), createdAt: z.string(),
    /** the first characters of the sender's address hash: comments sharing it came from one address */
    sender: z.string(),
    /** send back with a moderation (optimistic concurrency) */
    version: z.number().int(),
  })),
});

const preview = z.object({
  batchId: z.uuid(), receivingOrganisationName: z.string(), awardForm: z.string(), awardFormName: z.string(), today: isoDate,
  workingDays: z.number().int().nullable(), endsOn: isoDate.nullable(), defaultTitle: z.string(),
  batches: z.array(z.object({ id: z.uuid(), title: z.string(), organisationName: z.string(), year: z.number().int() })),
  candidates: z.array(z.object({
    id: z.uuid(), batchId: z.uuid(), name: z.string(), position: z.string(), unitName: z.string(), status: z.string(), listedOn: z.string().nullable(),
  })),
});

const createBody = z.object({
  batchIds: z.array(z.uuid()).min(1).max(50),
  candidateIds: z.array(z.uuid()).min(1).max(500).optional(),
  title: text(500).min(5),
  channel: text(300).min(3),
  startsOn: isoDate,
  workingDays: z.number().int().min(1).max(60).optional(),
  endsOn: isoDate.optional(),
}).strict();

const moderateBody = z.object({
  status: z.enum(['published', 'hidden']).optional(),
  handlingNote: text(2000).optional(),
  /** the version of the comment the officer saw: a stale one answers 409 edit.stale */
  version: z.number().int().min(1).optional(),
}).strict();

const publicSummary = z.object({
  id: z.uuid(), title: z.string(), publisher: z.string(), channel: z.string(), startsOn: isoDate, endsOn: isoDate, candidateCount: z.number().int(),
});
/** What the public sees: the list's entries and the published comments — no ids, birth dates, eligibility or contacts. */
const publicDetail = z.object({
  id: z.uuid(), title: z.string(), publisher: z.string(), channel: z.string(), startsOn: isoDate, endsOn: isoDate, workingDays: z.number().int(),
  open: z.boolean(),
  candidates: z.array(z.object({ no: z.number().int(), name: z.string(), position: z.string(), unit: z.string(), award: z.string() })),
  comments: z.array(z.object({ candidateNo: z.number().int().nullable(), authorName: z.string(), body: z.string(), date: isoDate })),
});
const commentBody = z.object({
  candidateNo: z.number().int().min(1).max(10_000).optional(),
  authorName: text(AUTHOR_MAX).optional(),
  contact: text(CONTACT_MAX).optional(),
  body: text(COMMENT_MAX).min(5),
}).strict();

const idParams = z.object({ id: z.uuid() });

export async function consultationRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock } = deps;

  app.get('/consultations', {
    schema: { tags, summary: 'Public consultations the actor\'s standing agency runs', response: { 200: z.object({ items: z.array(summary) }) } },
  }, async (request) => {
    const today = todayInVietnam(clock.now());
    const rows = await consultationsOf(db, actorOf(request));
    return {
      items: rows.map((c) => ({
        id: c.id, title: c.title, organisationName: c.organisation_name, awardFormName: c.award_form_name, channel: c.channel, startsOn: c.starts_on,
        endsOn: c.ends_on, workingDays: c.working_days, state: consultationState(c, today), candidateCount: Number(c.candidate_count),
        pendingCount: Number(c.pending_count),
      })),
    };
  });

  app.get('/consultations/preview', {
    schema: { tags, summary: 'What a new consultation from a batch would list, and its default period', querystring: z.object({ batchId: z.uuid() }),
      response: { 200: preview } },
  }, async (request) => {
    const p = await previewConsultation(db, actorOf(request), request.query.batchId, clock.now());
    return {
      batchId: p.batch.id, receivingOrganisationName: p.batch.receiving_name, awardForm: p.batch.award_form, awardFormName: p.batch.award_form_name,
      today: p.today, workingDays: p.procedure.consultationDays, endsOn: p.endsOn,
      defaultTitle: `Lấy ý kiến nhân dân về danh sách đề nghị tặng ${p.batch.award_form_name} năm ${p.batch.year}`,
      batches: p.batches.map((b) => ({ id: b.id, title: b.title, organisationName: b.organisation_name, year: b.year })),
      candidates: p.candidates.map((c) => ({
        id: c.id, batchId: c.batch_id, name: c.name, position: c.position, unitName: c.unit_name, status: c.status, listedOn: c.listedOn,
      })),
    };
  });

  app.post('/consultations', {
    schema: { tags, summary: 'Publish a list of accepted candidates for public comment', body: createBody, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send({ id: await createConsultation(commandContext(request, deps), request.body) }));

  app.get('/consultations/:id', {
    schema: { tags, summary: 'A consultation with its list and every comment (pending first)', params: idParams, response: { 200: detail } },
  }, async (request) => {
    const { consultation: c, candidates, comments } = await consultationDetail(db, actorOf(request), request.params.id);
    return {
      id: c.id, title: c.title, organisationId: c.organisation_id, organisationName: c.organisation_name, awardForm: c.award_form,
      awardFormName: c.award_form_name, channel: c.channel, startsOn: c.starts_on, endsOn: c.ends_on, workingDays: c.working_days,
      state: consultationState(c, todayInVietnam(clock.now())), closedAt: c.closed_at?.toISOString() ?? null,
      candidates: candidates.map((k) => ({
        candidateId: k.candidate_id, batchId: k.batch_id, no: k.no, name: k.name, position: k.position, unitName: k.unit_name, awardName: k.award_name,
        status: k.status,
      })),
      comments: comments.map((m) => ({
        id: m.id, candidateNo: m.candidate_no, authorName: m.author_name, contact: m.contact, body: m.body, status: m.status,
        handlingNote: m.handling_note, handledBy: m.handled_by_name, handledAt: m.handled_at?.toISOString() ?? null,
        createdAt: m.created_at.toISOString(), sender: m.ip_hash.slice(0, 8), version: m.version,
      })),
    };
  });

  app.patch('/consultations/:id/comments/:commentId', {
    schema: { tags, summary: 'Publish or hide a comment, and record how it was handled', params: z.object({ id: z.uuid(), commentId: z.uuid() }),
      body: moderateBody, response: noContent },
  }, async (request, reply) => {
    await moderateComment(commandContext(request, deps), request.params.id, request.params.commentId, request.body);
    return reply.status(204).send();
  });

  app.post('/consultations/:id/extend', {
    schema: { tags, summary: 'Move the end date of a consultation later (never earlier)', params: idParams,
      body: z.object({ endsOn: isoDate }).strict(), response: noContent },
  }, async (request, reply) => {
    await extendConsultation(commandContext(request, deps), request.params.id, request.body.endsOn);
    return reply.status(204).send();
  });

  app.post('/consultations/:id/close', {
    schema: { tags, summary: 'Close a consultation whose period is over and whose comments are all reviewed', params: idParams, response: noContent },
  }, async (request, reply) => {
    await closeConsultation(commandContext(request, deps), request.params.id);
    return reply.status(204).send();
  });

  // ——— public, no sign-in ———

  app.get('/public/consultations', {
    config: { public: true },
    schema: { tags: publicTags, summary: 'Lists open for public comment today', security: [], response: { 200: z.object({ items: z.array(publicSummary) }) } },
  }, async () => {
    const rows = await openConsultations(db, todayInVietnam(clock.now()));
    return {
      items: rows.map((c) => ({
        id: c.id, title: c.title, publisher: c.organisation_name, channel: c.channel, startsOn: c.starts_on, endsOn: c.ends_on,
        candidateCount: Number(c.candidate_count),
      })),
    };
  });

  app.get('/public/consultations/:id', {
    config: { public: true },
    schema: { tags: publicTags, summary: 'A list published for comment, and its published comments', security: [], params: idParams,
      response: { 200: publicDetail } },
  }, async (request) => {
    const { consultation: c, state: s, candidates, comments } = await publicConsultation(db, request.params.id, clock.now());
    return {
      id: c.id, title: c.title, publisher: c.organisation_name, channel: c.channel, startsOn: c.starts_on, endsOn: c.ends_on,
      workingDays: c.working_days, open: s === 'open',
      candidates: candidates.map((k) => ({ no: k.no, name: k.name, position: k.position, unit: k.unit_name, award: k.award_name })),
      comments: comments.map((m) => ({
        candidateNo: m.candidate_no, authorName: m.author_name, body: m.body, date: todayInVietnam(m.created_at),
      })),
    };
  });

  app.post('/public/consultations/:id/comments', {
    config: { public: true, rateLimit: { ...COMMENT_RATE } },
    schema: { tags: publicTags, summary: 'Send a comment on a list (kept pending until the standing agency reviews it)', security: [],
      params: idParams, body: commentBody, response: { 201: z.object({ status: z.literal('pending') }) } },
  }, async (request, reply) => {
    await postComment(db, request.params.id, request.body, request.ip, clock.now());
    return reply.status(201).send({ status: 'pending' as const });
  });
}
