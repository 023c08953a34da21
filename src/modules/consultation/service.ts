import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CommentStatus, Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { canReach, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { formatDate, todayInVietnam, type IsoDate } from '../../platform/vn/dates.ts';
import { actorsFor, notify } from '../notifications/index.ts';
import { procedureFor } from '../nominations/index.ts';
import { can, visibleBatch } from '../nominations/index.ts';
import { candidatesOf, lockBatch, type BatchRow, type CandidateRow } from '../nominations/index.ts';
import { loadTenantCalendar } from '../calendar/index.ts';
import { consultationDone, consultationEnd, latestEnd, LISTABLE, mayClose, consultationState } from './model.ts';
import {
  commentsOf, consultationsOfCandidates, findConsultation, findPublishedConsultation, listConsultations, listedCandidates,
  openListsOf, receivedBatches, type ConsultationRow,
} from './store.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';

type Db = Kysely<Database>;

/**
 * Who runs a consultation: the standing agency of the receiving level (nomination.appraise over it).
 * Anyone else — and anyone outside — gets 404: the comments carry the senders' contacts.
 */
export async function visibleConsultation(db: Db, actor: Actor, id: string): Promise<ConsultationRow> {
  const c = await findConsultation(db, actor.tenantId, id);
  if (!c || !canReach(actor, 'nomination.appraise', c.organisation_path)) throw notFound('consultation');
  return c;
}

export async function consultationsOf(db: Db, actor: Actor) {
  return listConsultations(db, actor.tenantId, reachablePaths(actor, 'nomination.appraise'));
}

/** A batch the actor's standing agency received and appraises, or 404 / 403. */
async function appraisedBatch(db: Db, actor: Actor, batchId: string): Promise<BatchRow> {
  const batch = await visibleBatch(db, actor, batchId);
  if (!can(actor, 'nomination.appraise', batch, 'receiving')) throw new AppError('forbidden', 403);
  return batch;
}

/**
 * What the "new consultation" page offers from one batch: the accepted batches its level received for
 * the same award form, their listable candidates (and whether one is already on an open list), and the
 * procedure's number of working days with the end date it gives from today.
 */
export async function previewConsultation(db: Db, actor: Actor, batchId: string, now: Date) {
  const batch = await appraisedBatch(db, actor, batchId);
  const today = todayInVietnam(now);
  const procedure = await procedureFor(db, actor.tenantId, batch.award_form);
  const batches = await receivedBatches(db, actor.tenantId, batch.receiving_organisation_id, batch.award_form);
  if (!batches.some((b) => b.id === batch.id)) batches.unshift({ id: batch.id, title: batch.title, status: batch.status, year: batch.year, organisation_name: batch.organisation_name });
  const candidates = (await Promise.all(batches.map((b) => candidatesOf(db, actor.tenantId, b.id)))).flat()
    .filter((c) => LISTABLE.includes(c.status));
  const listed = new Map((await openListsOf(db, actor.tenantId, candidates.map((c) => c.id))).map((r) => [r.candidate_id, r.title]));
  return {
    batch, today, procedure, batches,
    candidates: candidates.map((c) => ({ ...c, listedOn: listed.get(c.id) ?? null })),
    endsOn: procedure.consultationDays ? consultationEnd(today, procedure.consultationDays, await loadTenantCalendar(db, actor.tenantId)) : null,
  };
}

export interface NewConsultation {
  batchIds: string[];
  /** a subset of the batches' listable candidates; all of them when absent */
  candidateIds?: string[] | undefined;
  title: string;
  channel: string;
  startsOn: IsoDate;
  workingDays?: number | undefined;
  /** a later end than the working days give (a holiday the calendar does not know) */
  endsOn?: IsoDate | undefined;
}

/** Publishes a list: the candidates are snapshotted as the public will see them; one transaction, audited. */
export async function createConsultation(ctx: CommandContext, input: NewConsultation): Promise<string> {
  const { db, actor } = ctx;
  const today = todayInVietnam(ctx.now);
  const batches: BatchRow[] = [];
  for (const id of [...new Set(input.batchIds)]) batches.push(await appraisedBatch(db, actor, id));
  const first = batches[0]!;
  if (batches.some((b) => b.receiving_organisation_id !== first.receiving_organisation_id || b.award_form !== first.award_form)) {
    throw new AppError('consultation.mixed_batches', 422);
  }
  if (input.startsOn < today) throw new AppError('consultation.start_in_past', 422, { today: formatDate(today) });
  const procedure = await procedureFor(db, actor.tenantId, first.award_form);
  const workingDays = input.workingDays ?? procedure.consultationDays;
  if (!workingDays) throw new AppError('consultation.days_required', 400);
  const computedEnd = consultationEnd(input.startsOn, workingDays, await loadTenantCalendar(db, actor.tenantId));
  if (input.endsOn && input.endsOn < computedEnd) {
    throw new AppError('consultation.end_too_early', 422, { endsOn: formatDate(computedEnd), days: workingDays });
  }
  const endsOn = input.endsOn ?? computedEnd;
  const id = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    for (const b of batches) await lockBatch(trx, actor.tenantId, b.id);
    const all: { batch: BatchRow; candidate: CandidateRow }[] = [];
    for (const b of batches) for (const c of await candidatesOf(trx, actor.tenantId, b.id)) all.push({ batch: b, candidate: c });
    let chosen: typeof all;
    if (input.candidateIds) {
      chosen = [];
      for (const cid of new Set(input.candidateIds)) {
        const found = all.find((x) => x.candidate.id === cid);
        if (!found) throw notFound('nomination_candidate');
        if (!LISTABLE.includes(found.candidate.status)) {
          throw new AppError('consultation.candidate_not_listable', 409, { name: found.candidate.name, status: found.candidate.status });
        }
        chosen.push(found);
      }
    } else {
      chosen = all.filter((x) => LISTABLE.includes(x.candidate.status));
    }
    if (chosen.length === 0) throw new AppError('consultation.no_candidates', 422);
    const already = await openListsOf(trx, actor.tenantId, chosen.map((x) => x.candidate.id));
    if (already.length) throw new AppError('consultation.already_listed', 409, { name: already[0]!.name, title: already[0]!.title });
    await trx.insertInto('consultations').values({
      tenant_id: actor.tenantId, id, organisation_id: first.receiving_organisation_id, award_form: first.award_form, title: input.title.trim(),
      channel: input.channel.trim(), starts_on: input.startsOn, working_days: workingDays, ends_on: endsOn, status: 'published',
      ip_salt: randomBytes(16).toString('hex'), closed_at: null, closed_by: null, created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    await trx.insertInto('consultation_candidates').values(chosen.map((x, i) => ({
      tenant_id: actor.tenantId, consultation_id: id, candidate_id: x.candidate.id, no: i + 1, name: x.candidate.name,
      position: x.candidate.position, unit_name: x.candidate.unit_name, award_name: x.batch.award_form_name,
    }))).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'consultation.publish', entityType: 'consultation', entityId: id,
      organisationPath: first.receiving_path, requestId: ctx.requestId, at: ctx.now,
      changes: { title: input.title.trim(), channel: input.channel.trim(), startsOn: input.startsOn, workingDays, endsOn,
        batchIds: batches.map((b) => b.id), candidateIds: chosen.map((x) => x.candidate.id) },
    });
  });
  return id;
}

export async function consultationDetail(db: Db, actor: Actor, id: string) {
  const c = await visibleConsultation(db, actor, id);
  const [candidates, comments] = await Promise.all([listedCandidates(db, c.tenant_id, c.id), commentsOf(db, c.tenant_id, c.id)]);
  return { consultation: c, candidates, comments };
}

export interface Moderation {
  status?: Exclude<CommentStatus, 'pending'> | undefined; handlingNote?: string | undefined;
  /** the comment's version the officer saw (optimistic concurrency) */
  version?: number | undefined;
}

/**
 * Publishes or hides a comment and/or records how it was handled; audited with the change. Made from an older
 * version of the comment (another officer handled it meanwhile), refused (409 edit.stale) with nothing changed.
 */
export async function moderateComment(ctx: CommandContext, consultationId: string, commentId: string, m: Moderation): Promise<void> {
  const c = await visibleConsultation(ctx.db, ctx.actor, consultationId);
  if (m.status === undefined && m.handlingNote === undefined) throw new AppError('consultation.nothing_to_change', 400);
  await ctx.db.transaction().execute(async (trx) => {
    const comment = await trx.selectFrom('consultation_comments').selectAll().where('tenant_id', '=', c.tenant_id)
      .where('consultation_id', '=', c.id).where('id', '=', commentId).forUpdate().executeTakeFirst();
    if (!comment) throw notFound('consultation_comment');
    assertCurrentVersion(m.version, comment.version);
    const next = { status: m.status ?? comment.status, handling_note: m.handlingNote?.trim() ?? comment.handling_note };
    await trx.updateTable('consultation_comments').set({ ...next, handled_by: ctx.actor.userId, handled_at: ctx.now, version: nextVersion() })
      .where('tenant_id', '=', c.tenant_id).where('id', '=', comment.id).execute();
    await recordAudit(trx, {
      tenantId: c.tenant_id, actorUserId: ctx.actor.userId, action: 'consultation.moderate', entityType: 'consultation_comment', entityId: comment.id,
      organisationPath: c.organisation_path, requestId: ctx.requestId, at: ctx.now,
      changes: { consultationId: c.id, status: [comment.status, next.status],
        ...(next.handling_note !== comment.handling_note ? { handlingNote: [comment.handling_note, next.handling_note] } : {}) },
    });
  });
}

/**
 * Moves the end date later — a holiday the working-day calendar does not know, or a longer period the
 * council asks for. Never earlier (that would shorten the legal period), never once closed; audited.
 */
export async function extendConsultation(ctx: CommandContext, id: string, endsOn: IsoDate): Promise<void> {
  const c = await visibleConsultation(ctx.db, ctx.actor, id);
  if (c.status === 'closed') throw new AppError('consultation.already_closed', 409);
  if (endsOn <= c.ends_on) throw new AppError('consultation.extend_not_later', 422, { endsOn: formatDate(c.ends_on) });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('consultations').set({ ends_on: endsOn, updated_at: ctx.now })
      .where('tenant_id', '=', c.tenant_id).where('id', '=', c.id).where('status', '=', 'published').execute();
    await recordAudit(trx, {
      tenantId: c.tenant_id, actorUserId: ctx.actor.userId, action: 'consultation.extend', entityType: 'consultation', entityId: c.id,
      organisationPath: c.organisation_path, requestId: ctx.requestId, at: ctx.now, changes: { endsOn: [c.ends_on, endsOn] },
    });
  });
}

/** Closes a list whose period is over and whose every comment has been reviewed. */
export async function closeConsultation(ctx: CommandContext, id: string): Promise<void> {
  const c = await visibleConsultation(ctx.db, ctx.actor, id);
  const today = todayInVietnam(ctx.now);
  if (c.status === 'closed') throw new AppError('consultation.already_closed', 409);
  if (!mayClose(c, today)) throw new AppError('consultation.not_ended', 409, { endsOn: formatDate(c.ends_on) });
  await ctx.db.transaction().execute(async (trx) => {
    const pending = await trx.selectFrom('consultation_comments').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', c.tenant_id).where('consultation_id', '=', c.id).where('status', '=', 'pending').executeTakeFirstOrThrow();
    if (Number(pending.n) > 0) throw new AppError('consultation.comments_pending', 409, { count: Number(pending.n) });
    const updated = await trx.updateTable('consultations').set({ status: 'closed', closed_at: ctx.now, closed_by: ctx.actor.userId, updated_at: ctx.now })
      .where('tenant_id', '=', c.tenant_id).where('id', '=', c.id).where('status', '=', 'published').executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('consultation.already_closed', 409);
    await recordAudit(trx, {
      tenantId: c.tenant_id, actorUserId: ctx.actor.userId, action: 'consultation.close', entityType: 'consultation', entityId: c.id,
      organisationPath: c.organisation_path, requestId: ctx.requestId, at: ctx.now, changes: { status: ['published', 'closed'], endsOn: c.ends_on },
    });
  });
}

// ——— the public side: no sign-in, no tenant known ———

/** A list the public may read: published (or closed) and started. Anything else is 404. */
export async function publicConsultation(db: Db, id: string, now: Date) {
  const c = await findPublishedConsultation(db, id);
  const today = todayInVietnam(now);
  if (!c || today < c.starts_on) throw notFound('consultation');
  const [candidates, comments] = await Promise.all([listedCandidates(db, c.tenant_id, c.id), commentsOf(db, c.tenant_id, c.id, 'published')]);
  return { consultation: c, state: consultationState(c, today), candidates, comments };
}

/** The sender's address, as kept: an HMAC under the list's own salt (never the address itself). */
export function addressHash(salt: string, ip: string): string {
  return createHmac('sha256', salt).update(ip).digest('hex');
}

export interface NewComment { candidateNo?: number | undefined; authorName?: string | undefined; contact?: string | undefined; body: string }

/** A comment from the public, stored pending moderation; the standing officers are told. */
export async function postComment(db: Db, id: string, input: NewComment, ip: string, now: Date): Promise<void> {
  const c = await findPublishedConsultation(db, id);
  const today = todayInVietnam(now);
  if (!c || today < c.starts_on) throw notFound('consultation');
  if (consultationState(c, today) !== 'open') throw new AppError('consultation.ended', 409, { endsOn: formatDate(c.ends_on) });
  let candidateId: string | null = null;
  if (input.candidateNo !== undefined) {
    const listed = await db.selectFrom('consultation_candidates').select('candidate_id').where('tenant_id', '=', c.tenant_id)
      .where('consultation_id', '=', c.id).where('no', '=', input.candidateNo).executeTakeFirst();
    if (!listed) throw new AppError('consultation.unknown_candidate_no', 422, { no: input.candidateNo });
    candidateId = listed.candidate_id;
  }
  const commentId = uuidv7(now.getTime());
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('consultation_comments').values({
      tenant_id: c.tenant_id, id: commentId, consultation_id: c.id, candidate_id: candidateId, author_name: input.authorName?.trim() ?? '',
      contact: input.contact?.trim() ?? '', body: input.body.trim(), status: 'pending', handling_note: '', handled_by: null, handled_at: null,
      ip_hash: addressHash(c.ip_salt, ip), created_at: now,
    }).execute();
    await recordAudit(trx, {
      tenantId: c.tenant_id, actorUserId: null, action: 'consultation.comment_received', entityType: 'consultation_comment', entityId: commentId,
      organisationPath: c.organisation_path, at: now, changes: { consultationId: c.id, candidateNo: input.candidateNo ?? null },
    });
    await notify(trx, await actorsFor(trx, c.tenant_id, 'standing_officer', c.organisation_path), {
      tenantId: c.tenant_id, topic: 'consultation_comment', entityType: 'consultation', entityId: c.id, params: { title: c.title }, at: now,
    });
  });
}

// ——— for the council and decision modules ———

/**
 * Refuses (409 'consultation.pending') when any of the candidates' award needs a public consultation
 * (procedureFor(...).consultationDays set) and no list they were on — or the list their lower-level
 * copy was on — has ended and been closed, including when none was ever held. The decision module
 * calls this before a decision is issued; `details` names every candidate still waiting.
 */
export async function assertConsultationDone(db: Db, tenantId: string, candidateIds: readonly string[], today: IsoDate): Promise<void> {
  if (candidateIds.length === 0) return;
  const rows = await db.selectFrom('nomination_candidates as n')
    .innerJoin('nomination_batches as b', (j) => j.onRef('b.tenant_id', '=', 'n.tenant_id').onRef('b.id', '=', 'n.batch_id'))
    .select(['n.id', 'n.name', 'n.source_candidate_id', 'b.award_form'])
    .where('n.tenant_id', '=', tenantId).where('n.id', 'in', [...candidateIds]).execute();
  const needs = new Map<string, boolean>();
  for (const form of new Set(rows.map((r) => r.award_form))) needs.set(form, (await procedureFor(db, tenantId, form)).consultationDays !== null);
  // in the caller's order, so the message names the first candidate the caller listed
  const order = new Map(candidateIds.map((id, i) => [id, i]));
  const waiting = rows.filter((r) => needs.get(r.award_form)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  if (waiting.length === 0) return;
  const held = await consultationsOfCandidates(db, tenantId,
    waiting.flatMap((r) => (r.source_candidate_id ? [r.id, r.source_candidate_id] : [r.id])));
  const problems = waiting.map((r) => {
    const own = held.filter((h) => h.candidateId === r.id || h.candidateId === r.source_candidate_id);
    return { candidateId: r.id, name: r.name, done: consultationDone(own, today), endsOn: latestEnd(own), held: own.length > 0 };
  }).filter((p) => !p.done);
  if (problems.length) {
    const p = problems[0]!;
    throw new AppError('consultation.pending', 409, { name: p.name, endsOn: p.endsOn },
      problems.map(({ candidateId, name, endsOn, held: h }) => ({ candidateId, name, endsOn: h ? endsOn : null })));
  }
}
