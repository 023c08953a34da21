import type { Kysely, Selectable } from 'kysely';
import type { Database, ExampleKind, ExampleStage, ExamplesTable } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { changedFields, recordAudit } from '../../platform/audit.ts';
import { assertCan, canReach, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { foldQuery } from '../../platform/vn/fold.ts';
import type { FileStore } from '../../platform/storage/store.ts';
import { readFile, storeUpload, type UploadInput } from '../../platform/storage/uploads.ts';
import { visibleOrganisation } from '../organisations/index.ts';
import { visiblePerson } from '../people/index.ts';
import { visibleMovement } from '../movements/index.ts';
import { assertStageChange, PHOTOS_MAX, searchText } from './model.ts';
import { findExample, findPhoto, listExamples, lockExample, photosOf, stageHistoryOf, type ExampleRow } from './store.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';

type Db = Kysely<Database>;

/** An example the actor may read (its unit is in their subtree), or 404 — anyone else cannot tell it exists. */
export async function visibleExample(db: Db, actor: Actor, id: string): Promise<ExampleRow> {
  const row = await findExample(db, actor.tenantId, id);
  if (!row || !canReach(actor, 'example.read', row.organisation_path)) throw notFound('example');
  return row;
}

async function writableExample(db: Db, actor: Actor, id: string): Promise<ExampleRow> {
  const row = await visibleExample(db, actor, id);
  assertCan(actor, 'example.write', row.organisation_path);
  return row;
}

export type SubjectInput =
  | { kind: 'person'; personId: string; detail?: string | undefined }
  | { kind: 'collective'; organisationId: string; detail?: string | undefined }
  | { kind: 'citizen'; name: string; detail?: string | undefined };

type SubjectColumns = Pick<Selectable<ExamplesTable>, 'subject_kind' | 'person_id' | 'subject_organisation_id' | 'subject_name' | 'subject_detail'>;

/** The subject's columns: a person or a collective the actor can see (else 404), or a citizen by name. */
async function subjectColumns(db: Db, actor: Actor, s: SubjectInput): Promise<SubjectColumns> {
  const detail = s.detail?.trim() ?? '';
  if (s.kind === 'person') {
    const { person } = await visiblePerson(db, actor, s.personId);
    return { subject_kind: 'person', person_id: person.id, subject_organisation_id: null, subject_name: person.full_name, subject_detail: detail };
  }
  if (s.kind === 'collective') {
    const org = await visibleOrganisation(db, actor, s.organisationId);
    return { subject_kind: 'collective', person_id: null, subject_organisation_id: org.id, subject_name: org.name, subject_detail: detail };
  }
  return { subject_kind: 'citizen', person_id: null, subject_organisation_id: null, subject_name: s.name.trim(), subject_detail: detail };
}

export interface ExampleFilter {
  q?: string | undefined; unitId?: string | undefined; kind?: ExampleKind | undefined; stage?: ExampleStage | undefined;
  published?: boolean | undefined; movementId?: string | undefined; page: number; pageSize: number;
}

export async function listVisibleExamples(db: Db, actor: Actor, f: ExampleFilter) {
  const unit = f.unitId ? await visibleOrganisation(db, actor, f.unitId) : undefined;
  const tokens = f.q ? foldQuery(f.q).split(' ').filter(Boolean) : [];
  return listExamples(db, actor.tenantId, {
    prefixes: reachablePaths(actor, 'example.read'), unitPath: unit?.path, tokens, kind: f.kind, stage: f.stage,
    published: f.published, movementId: f.movementId,
  }, { offset: (f.page - 1) * f.pageSize, limit: f.pageSize });
}

export async function exampleDetail(db: Db, actor: Actor, id: string) {
  const example = await visibleExample(db, actor, id);
  const [photos, history] = await Promise.all([photosOf(db, actor.tenantId, [id]), stageHistoryOf(db, actor.tenantId, id)]);
  return {
    example, photos, history,
    canWrite: canReach(actor, 'example.write', example.organisation_path),
    canPublish: canReach(actor, 'example.publish', example.organisation_path),
  };
}

export interface NewExample {
  kind: ExampleKind;
  organisationId: string;
  subject: SubjectInput;
  title: string;
  story: string;
  movementId?: string | null | undefined;
}

/** A new record, at the first step (discover): one transaction with its first history row and its audit row. */
export async function createExample(ctx: CommandContext, input: NewExample): Promise<string> {
  const { db, actor } = ctx;
  const unit = await visibleOrganisation(db, actor, input.organisationId);
  assertCan(actor, 'example.write', unit.path);
  const subject = await subjectColumns(db, actor, input.subject);
  const movement = input.movementId ? await visibleMovement(db, actor, input.movementId) : null;
  const title = input.title.trim();
  const story = input.story.trim();
  const id = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('examples').values({
      tenant_id: actor.tenantId, id, kind: input.kind, organisation_id: unit.id, ...subject, title, story, movement_id: movement?.id ?? null,
      stage: 'discover', search_fold: searchText({ title, story, subjectName: subject.subject_name, subjectDetail: subject.subject_detail }),
      published_at: null, published_by: null, created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    await trx.insertInto('example_stage_events').values({
      tenant_id: actor.tenantId, id: uuidv7(ctx.now.getTime()), example_id: id, from_stage: null, to_stage: 'discover', note: '',
      actor_user_id: actor.userId, at: ctx.now,
    }).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'example.create', entityType: 'example', entityId: id,
      organisationPath: unit.path, requestId: ctx.requestId, at: ctx.now,
      changes: { kind: input.kind, title, subject: subject.subject_name, movementId: movement?.id ?? null },
    });
  });
  return id;
}

export interface ExamplePatch {
  kind?: ExampleKind | undefined;
  subject?: SubjectInput | undefined;
  title?: string | undefined;
  story?: string | undefined;
  movementId?: string | null | undefined;
  /** the version the form was filled from (optimistic concurrency) */
  version?: number | undefined;
}

/**
 * Edits the record (a published one changes on the board at once); audited with what changed. Made from an older
 * version than the row's, it is refused (409 edit.stale) and nothing changes.
 */
export async function updateExample(ctx: CommandContext, id: string, patch: ExamplePatch): Promise<void> {
  const { db, actor } = ctx;
  const seen = await writableExample(db, actor, id);
  const subject = patch.subject ? await subjectColumns(db, actor, patch.subject) : undefined;
  const movement = patch.movementId ? (await visibleMovement(db, actor, patch.movementId)).id : null;
  await db.transaction().execute(async (trx) => {
    await lockExample(trx, actor.tenantId, seen.id);
    const row = (await findExample(trx, actor.tenantId, seen.id))!;
    assertCurrentVersion(patch.version, row.version);
    const movementId = patch.movementId === undefined ? row.movement_id : movement;
    const next = {
      kind: patch.kind ?? row.kind, title: patch.title?.trim() ?? row.title, story: patch.story?.trim() ?? row.story, movement_id: movementId,
      subject_kind: subject?.subject_kind ?? row.subject_kind, person_id: subject ? subject.person_id : row.person_id,
      subject_organisation_id: subject ? subject.subject_organisation_id : row.subject_organisation_id,
      subject_name: subject?.subject_name ?? row.subject_name, subject_detail: subject?.subject_detail ?? row.subject_detail,
    };
    const changes = changedFields(row, next);
    if (Object.keys(changes).length === 0) return;
    await trx.updateTable('examples').set({
      ...next, updated_at: ctx.now, version: nextVersion(),
      search_fold: searchText({ title: next.title, story: next.story, subjectName: next.subject_name, subjectDetail: next.subject_detail }),
    }).where('tenant_id', '=', actor.tenantId).where('id', '=', row.id).execute();
    // the story is long: the log says that it changed and how long it is, not the whole text twice
    const logged = changes.story ? { ...changes, story: [row.story.length, next.story.length] } : changes;
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'example.update', entityType: 'example', entityId: row.id,
      organisationPath: row.organisation_path, requestId: ctx.requestId, at: ctx.now, changes: logged,
    });
  });
}

/** Moves the record to another step by the table in model.ts, under a row lock; history and audit rows in the same transaction. */
export async function changeStage(ctx: CommandContext, id: string, input: { stage: ExampleStage; note?: string | undefined }): Promise<void> {
  const { db, actor } = ctx;
  const row = await writableExample(db, actor, id);
  const note = input.note?.trim() ?? '';
  await db.transaction().execute(async (trx) => {
    await lockExample(trx, actor.tenantId, row.id);
    const { stage } = await trx.selectFrom('examples').select('stage').where('tenant_id', '=', actor.tenantId).where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assertStageChange(stage, input.stage, note);
    await trx.updateTable('examples').set({ stage: input.stage, updated_at: ctx.now, version: nextVersion() })
      .where('tenant_id', '=', actor.tenantId).where('id', '=', row.id).execute();
    await trx.insertInto('example_stage_events').values({
      tenant_id: actor.tenantId, id: uuidv7(ctx.now.getTime()), example_id: row.id, from_stage: stage, to_stage: input.stage, note,
      actor_user_id: actor.userId, at: ctx.now,
    }).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'example.stage', entityType: 'example', entityId: row.id,
      organisationPath: row.organisation_path, requestId: ctx.requestId, at: ctx.now, changes: { stage: [stage, input.stage], ...(note && { note }) },
    });
  });
}

/**
 * Puts the record on the public honour board, or takes it off. Only the standing agency or the unit's
 * head (example.publish over the unit) decides what the public sees; a second click is a 409, not a
 * second publication.
 */
export async function setPublished(ctx: CommandContext, id: string, published: boolean): Promise<void> {
  const { db, actor } = ctx;
  const row = await visibleExample(db, actor, id);
  assertCan(actor, 'example.publish', row.organisation_path);
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('examples')
      .set({ ...(published ? { published_at: ctx.now, published_by: actor.userId } : { published_at: null, published_by: null }), updated_at: ctx.now, version: nextVersion() })
      .where('tenant_id', '=', actor.tenantId).where('id', '=', row.id).where('published_at', published ? 'is' : 'is not', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(published ? 'example.already_published' : 'example.not_published', 409);
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: published ? 'example.publish' : 'example.unpublish',
      entityType: 'example', entityId: row.id, organisationPath: row.organisation_path, requestId: ctx.requestId, at: ctx.now,
      changes: { published: [!published, published] },
    });
  });
}

/**
 * A photo for the record: the actor must be able to edit it before a byte is stored; the bytes must be a
 * JPEG or PNG (by their signature) within the photo cap. Stored by hash, then attached last in order.
 */
export async function addPhoto(ctx: CommandContext, files: FileStore, id: string,
  upload: Pick<UploadInput, 'bytes' | 'declaredType' | 'name'> & { maxBytes: number; caption?: string | undefined }): Promise<string> {
  const { db, actor } = ctx;
  const row = await writableExample(db, actor, id);
  const count = (await photosOf(db, actor.tenantId, [row.id])).length;
  if (count >= PHOTOS_MAX) throw new AppError('example.too_many_photos', 409, { max: PHOTOS_MAX });
  const stored = await storeUpload(ctx, files, { ...upload, accept: 'image', organisationPath: row.organisation_path });
  const photoId = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    await lockExample(trx, actor.tenantId, row.id);
    const last = await trx.selectFrom('example_photos').select((eb) => eb.fn.max('position').as('p'))
      .where('tenant_id', '=', actor.tenantId).where('example_id', '=', row.id).executeTakeFirst();
    await trx.insertInto('example_photos').values({
      tenant_id: actor.tenantId, id: photoId, example_id: row.id, sha256: stored.sha256, caption: upload.caption?.trim() ?? '',
      position: (last?.p ?? 0) + 1, uploaded_by: actor.userId, uploaded_at: ctx.now,
    }).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'example.photo_add', entityType: 'example', entityId: row.id,
      organisationPath: row.organisation_path, requestId: ctx.requestId, at: ctx.now, changes: { photoId, sha256: stored.sha256, name: stored.name },
    });
  });
  return photoId;
}

export async function removePhoto(ctx: CommandContext, id: string, photoId: string): Promise<void> {
  const { db, actor } = ctx;
  const row = await writableExample(db, actor, id);
  await db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('example_photos').where('tenant_id', '=', actor.tenantId).where('example_id', '=', row.id)
      .where('id', '=', photoId).returning('sha256').executeTakeFirst();
    if (!deleted) throw notFound('example_photo');
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'example.photo_remove', entityType: 'example', entityId: row.id,
      organisationPath: row.organisation_path, requestId: ctx.requestId, at: ctx.now, changes: { photoId, sha256: deleted.sha256 },
    });
  });
}

/** A photo's bytes for staff who may read the record (published or not). */
export async function staffPhoto(db: Db, actor: Actor, files: FileStore, id: string, photoId: string) {
  const row = await visibleExample(db, actor, id);
  const photo = await findPhoto(db, actor.tenantId, row.id, photoId);
  if (!photo) throw notFound('example_photo');
  return readFile({ db, actor }, files, photo.sha256);
}
