import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { actorOf, commandContext, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { uploadFrom, uploadLimitBytes, withRawUploads } from '../../platform/storage/upload-routes.ts';
import type { FileContent } from '../../platform/storage/uploads.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import {
  CAPTION_MAX, EXAMPLE_KINDS, EXAMPLE_STAGES, excerpt, NOTE_MAX, STAGE_TRANSITIONS, STORY_MAX, SUBJECT_DETAIL_MAX, SUBJECT_KINDS,
  SUBJECT_NAME_MAX, TITLE_MAX,
} from './model.ts';
import { BOARD_PAGE_SIZE, publicBoard, publicExample, publicPhoto } from './board.ts';
import {
  addPhoto, changeStage, createExample, exampleDetail, listVisibleExamples, removePhoto, setPublished, staffPhoto, updateExample,
} from './service.ts';
import { fileResponse, noContent } from '../../platform/http/responses.ts';
import { calendarDate } from '../../platform/http/dates.ts';

const tags = ['examples'];
const publicTags = ['public'];
const kind = z.enum(EXAMPLE_KINDS as unknown as ['typical_example', 'good_deed']);
const stage = z.enum(EXAMPLE_STAGES as unknown as ['discover', 'nurture', 'summarise', 'replicate']);
const subjectKind = z.enum(SUBJECT_KINDS as unknown as ['person', 'collective', 'citizen']);
const text = (max: number) => z.string().trim().max(max);
const idParams = z.object({ id: z.uuid() });
const photoParams = z.object({ id: z.uuid(), photoId: z.uuid() });
const ref = z.object({ id: z.uuid(), name: z.string() });

const detail = text(SUBJECT_DETAIL_MAX).optional();
const subject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: z.uuid(), detail }).strict(),
  z.object({ kind: z.literal('collective'), organisationId: z.uuid(), detail }).strict(),
  z.object({ kind: z.literal('citizen'), name: text(SUBJECT_NAME_MAX).min(2), detail }).strict(),
]);
const fields = {
  kind,
  subject,
  title: text(TITLE_MAX).min(5),
  story: text(STORY_MAX).min(20),
  movementId: z.uuid().nullable().optional(),
};
const createBody = z.object({ organisationId: z.uuid(), ...fields }).strict();
const patchBody = z.object({
  ...fields,
  /** the version the form was filled from: a stale one answers 409 edit.stale */
  version: z.number().int().min(1),
}).partial().strict();

const summary = z.object({
  id: z.uuid(), kind, title: z.string(), subjectKind, subjectName: z.string(), unit: ref, stage, publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
const photo = z.object({ id: z.uuid(), caption: z.string(), contentType: z.string(), size: z.number().int(), name: z.string() });
const detailSchema = z.object({
  id: z.uuid(), kind, title: z.string(), story: z.string(),
  subject: z.object({ kind: subjectKind, personId: z.uuid().nullable(), organisationId: z.uuid().nullable(), name: z.string(), detail: z.string() }),
  unit: ref, movement: ref.nullable(), stage,
  nextStages: z.array(z.object({ stage, noteRequired: z.boolean() })),
  publishedAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(), canWrite: z.boolean(), canPublish: z.boolean(),
  /** send back with an edit (optimistic concurrency) */
  version: z.number().int(),
  photos: z.array(photo),
  history: z.array(z.object({ from: stage.nullable(), to: stage, note: z.string(), actorName: z.string().nullable(), at: z.string() })),
});

/** What the public sees of a record: no person ids, no history, no one who typed it in. */
const card = z.object({
  id: z.uuid(), kind, title: z.string(), subjectName: z.string(), subjectDetail: z.string(), unit: ref, movementName: z.string().nullable(),
  excerpt: z.string(), coverPhotoId: z.uuid().nullable(), publishedOn: calendarDate,
});
const publicDetail = card.omit({ excerpt: true, coverPhotoId: true }).extend({
  story: z.string(), photos: z.array(z.object({ id: z.uuid(), caption: z.string() })),
});

const listQuery = z.object({
  q: text(200).optional(), unitId: z.uuid().optional(), kind: kind.optional(), stage: stage.optional(),
  published: z.enum(['true', 'false']).optional(), movementId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const boardQuery = z.object({
  unitId: z.uuid().optional(), kind: kind.optional(), movementId: z.uuid().optional(), cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(BOARD_PAGE_SIZE),
});

function sendPhoto(reply: FastifyReply, file: FileContent) {
  // the bytes were checked to be a JPEG or PNG at upload; sandboxed all the same, as the public may open them directly
  return reply.type(file.contentType).header('content-security-policy', "default-src 'none'; sandbox")
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.bytes);
}

export async function exampleRoutes(app: ZodApp, deps: AppDeps) {
  const { db } = deps;

  app.get('/examples', {
    schema: { tags, summary: 'Typical examples and good deeds of the units in my scope, newest first; search ignores diacritics',
      querystring: listQuery, response: { 200: z.object({ items: z.array(summary), total: z.number().int() }) } },
  }, async (request) => {
    const { published, ...rest } = request.query;
    const { rows, total } = await listVisibleExamples(db, actorOf(request), { ...rest, published: published === undefined ? undefined : published === 'true' });
    return {
      total,
      items: rows.map((r) => ({
        id: r.id, kind: r.kind, title: r.title, subjectKind: r.subject_kind, subjectName: r.subject_name,
        unit: { id: r.organisation_id, name: r.organisation_name }, stage: r.stage, publishedAt: r.published_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
      })),
    };
  });

  app.post('/examples', {
    schema: { tags, summary: 'Record a typical example or a good deed found by a unit (it starts at the "discover" step)', body: createBody,
      response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send({ id: await createExample(commandContext(request, deps), request.body) }));

  app.get('/examples/:id', {
    schema: { tags, summary: 'One record with its photos, its steps so far and what the reader may do', params: idParams, response: { 200: detailSchema } },
  }, async (request) => {
    const { example: e, photos, history, canWrite, canPublish } = await exampleDetail(db, actorOf(request), request.params.id);
    return {
      id: e.id, kind: e.kind, title: e.title, story: e.story,
      subject: { kind: e.subject_kind, personId: e.person_id, organisationId: e.subject_organisation_id, name: e.subject_name, detail: e.subject_detail },
      unit: { id: e.organisation_id, name: e.organisation_name }, movement: e.movement_id ? { id: e.movement_id, name: e.movement_name ?? '' } : null,
      stage: e.stage,
      nextStages: STAGE_TRANSITIONS.filter((t) => t.from.includes(e.stage)).map((t) => ({ stage: t.to, noteRequired: t.guard === 'note_required' })),
      publishedAt: e.published_at?.toISOString() ?? null, createdAt: e.created_at.toISOString(), updatedAt: e.updated_at.toISOString(),
      canWrite, canPublish, version: e.version,
      photos: photos.map((p) => ({ id: p.id, caption: p.caption, contentType: p.content_type, size: Number(p.size), name: p.original_name })),
      history: history.map((h) => ({ from: h.from_stage, to: h.to_stage, note: h.note, actorName: h.actor_name, at: h.at.toISOString() })),
    };
  });

  app.patch('/examples/:id', {
    schema: { tags, summary: 'Edit a record (a published one changes on the public board at once)', params: idParams, body: patchBody, response: noContent },
  }, async (request, reply) => {
    await updateExample(commandContext(request, deps), request.params.id, request.body);
    return reply.status(204).send();
  });

  app.post('/examples/:id/stage', {
    schema: { tags, summary: 'Move a record to the next step (discover → nurture → summarise → replicate), or one step back with a reason',
      params: idParams, body: z.object({ stage, note: text(NOTE_MAX).optional() }).strict(), response: noContent },
  }, async (request, reply) => {
    await changeStage(commandContext(request, deps), request.params.id, request.body);
    return reply.status(204).send();
  });

  app.post('/examples/:id/publish', {
    schema: { tags, summary: 'Put a record on the public honour board (standing agency or unit head)', params: idParams, response: noContent },
  }, async (request, reply) => {
    await setPublished(commandContext(request, deps), request.params.id, true);
    return reply.status(204).send();
  });

  app.post('/examples/:id/unpublish', {
    schema: { tags, summary: 'Take a record off the public honour board', params: idParams, response: noContent },
  }, async (request, reply) => {
    await setPublished(commandContext(request, deps), request.params.id, false);
    return reply.status(204).send();
  });

  await withRawUploads(app, deps, (scope) => {
    scope.put('/examples/:id/photos', {
      schema: { tags, summary: 'Add a photo (JPEG or PNG, at most 5 MB); the body is the picture, x-file-name its name', params: idParams,
        querystring: z.object({ caption: text(CAPTION_MAX).optional() }), response: { 201: z.object({ id: z.uuid() }) } },
    }, async (request, reply) => {
      const id = await addPhoto(commandContext(request, deps), deps.files, request.params.id,
        { ...uploadFrom(request), maxBytes: uploadLimitBytes(deps.config), caption: request.query.caption });
      return reply.status(201).send({ id });
    });
  });

  app.get('/examples/:id/photos/:photoId', {
    schema: { tags, summary: 'A photo of a record (published or not) for the staff who may read it', params: photoParams, produces: ['image/jpeg', 'image/png'], response: fileResponse('image/jpeg', 'image/png') },
  }, async (request, reply) => sendPhoto(reply, await staffPhoto(db, actorOf(request), deps.files, request.params.id, request.params.photoId)));

  app.delete('/examples/:id/photos/:photoId', {
    schema: { tags, summary: 'Remove a photo from a record', params: photoParams, response: noContent },
  }, async (request, reply) => {
    await removePhoto(commandContext(request, deps), request.params.id, request.params.photoId);
    return reply.status(204).send();
  });

  // ——— public, no sign-in ———

  app.get('/public/honour-board', {
    config: { public: true },
    schema: { tags: publicTags, summary: 'Published typical examples and good deeds, newest first; a unit\'s board covers its subtree', security: [],
      querystring: boardQuery, response: { 200: z.object({ unit: ref.nullable(), items: z.array(card), nextCursor: z.string().nullable() }) } },
  }, async (request) => {
    const board = await publicBoard(db, request.query);
    return {
      unit: board.unit, nextCursor: board.nextCursor,
      items: board.rows.map((e) => ({
        id: e.id, kind: e.kind, title: e.title, subjectName: e.subject_name, subjectDetail: e.subject_detail,
        unit: { id: e.organisation_id, name: e.organisation_name }, movementName: e.movement_name, excerpt: excerpt(e.story),
        coverPhotoId: board.covers.get(e.id) ?? null, publishedOn: todayInVietnam(e.published_at!),
      })),
    };
  });

  app.get('/public/honour-board/:id', {
    config: { public: true },
    schema: { tags: publicTags, summary: 'One published record with its whole story and photos', security: [], params: idParams,
      response: { 200: publicDetail } },
  }, async (request) => {
    const { example: e, photos } = await publicExample(db, request.params.id);
    return {
      id: e.id, kind: e.kind, title: e.title, subjectName: e.subject_name, subjectDetail: e.subject_detail,
      unit: { id: e.organisation_id, name: e.organisation_name }, movementName: e.movement_name, story: e.story,
      publishedOn: todayInVietnam(e.published_at!), photos: photos.map((p) => ({ id: p.id, caption: p.caption })),
    };
  });

  app.get('/public/honour-board/:id/photos/:photoId', {
    config: { public: true },
    schema: { tags: publicTags, summary: 'A photo of a published record', security: [], params: photoParams, produces: ['image/jpeg', 'image/png'], response: fileResponse('image/jpeg', 'image/png') },
  }, async (request, reply) => sendPhoto(reply, await publicPhoto(db, deps.files, request.params.id, request.params.photoId)));
}
