import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { changedFields, recordAudit } from '../../platform/audit.ts';
import { canReach, type Actor } from '../../platform/auth/policy.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { findOrganisation } from '../organisations/index.ts';
import { awardHolds, recordAwards, reviseAwards } from '../awards/index.ts';
import { visibleMovement } from '../movements/index.ts';
import { employmentsDecidingWrites, employmentsOf, findPerson, residencesOf } from '../people/index.ts';
import type { DisciplineForm, InitiativeLevel, Rating } from '../rules/index.ts';
import { yearInRange, type AwardBasis, type RecordKind } from './model.ts';
import { findRecordRow, recordOf, subjectColumn, subjectColumns, type Subject } from './store.ts';
import { seenForm } from '../awards/index.ts';

type Db = Kysely<Database>;

export interface SubjectInScope extends Subject { name: string; auditPath: string }

/** A write, on a day, about a period of the subject's life (a rating's year, a discipline's dates). */
export interface WriteOn { today: string; period: { start: string; end: string } }

const writeOn = (ctx: CommandContext, start: string, end: string | null = start): WriteOn =>
  ({ today: todayInVietnam(ctx.now), period: { start, end: end ?? todayInVietnam(ctx.now) } });
const yearOf = (ctx: CommandContext, year: number) => writeOn(ctx, `${year}-01-01`, `${year}-12-31`);

/**
 * A subject the actor may read (or write) records of, or 404. A person is reached through any
 * organisation that employs or employed them, and one may always read one's own record.
 */
export async function subjectInScope(db: Db, actor: Actor, subject: Subject, write?: WriteOn): Promise<SubjectInScope> {
  const permission = write ? 'record.write' : 'record.read';
  if (subject.kind === 'person') {
    const person = await findPerson(db, actor.tenantId, subject.id);
    if (!person) throw notFound('person');
    // employers, and for a resident (farmer, student, citizen) the communes they live(d) in
    const [employments, residences] = await Promise.all([employmentsOf(db, actor.tenantId, subject.id), residencesOf(db, actor.tenantId, subject.id)]);
    const units = [...employments, ...residences];
    const reads = actor.personId === subject.id || units.some((e) => canReach(actor, 'record.read', e.organisation_path));
    if (!reads) throw notFound('person');
    // reading follows every employment (and residence); writing the employer in force today, or the one of the
    // record's period; a resident's record is written by the commune they live in
    const writers = write ? [...employmentsDecidingWrites(employments, write.today, write.period), ...residences] : [];
    if (write && !writers.some((e) => canReach(actor, permission, e.organisation_path))) throw new AppError('forbidden', 403);
    return { ...subject, name: person.full_name, auditPath: employments.at(-1)?.organisation_path ?? residences.at(-1)?.organisation_path ?? '/' };
  }
  const org = await findOrganisation(db, actor.tenantId, subject.id);
  if (!org || !canReach(actor, 'record.read', org.path)) throw notFound('organisation');
  if (write && !canReach(actor, permission, org.path)) throw new AppError('forbidden', 403);
  return { ...subject, name: org.name, auditPath: org.path };
}

export async function readRecord(db: Db, actor: Actor, subject: Subject) {
  const found = await subjectInScope(db, actor, subject);
  const record = await recordOf(db, actor.tenantId, subject);
  // what holds an award (its decision, its revocation) decides whether it may be deleted or only revoked
  const holds = await awardHolds(db, actor.tenantId, record.awards.map((a) => a.id));
  return { subject: found, record, holds };
}

export interface Source { number?: string | undefined; date?: string | null | undefined; issuer?: string | undefined }
const sourceColumns = (s: Source | undefined) => ({ source_number: s?.number ?? '', source_date: s?.date ?? null, source_issuer: s?.issuer ?? '' });

function assertYear(ctx: CommandContext, year: number) {
  const current = Number(todayInVietnam(ctx.now).slice(0, 4));
  if (!yearInRange(year, current)) throw new AppError('record.year_out_of_range', 400, { year, max: current });
}

const TABLES = { ratings: 'annual_ratings', awards: 'awards', initiatives: 'initiatives', disciplines: 'disciplines' } as const;

async function audited<T>(ctx: CommandContext, subject: SubjectInScope, action: string, entityId: string,
  changes: Record<string, unknown>, write: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const result = await write(trx);
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action, entityType: 'record', entityId,
      organisationPath: subject.auditPath, changes: { subject: { kind: subject.kind, id: subject.id }, ...changes },
      requestId: ctx.requestId, at: ctx.now,
    });
    return result;
  });
}

/** One rating per subject and year: entering it again replaces it, and the log keeps the old value. */
export async function setRating(ctx: CommandContext, subject: Subject, input: { year: number; rating: Rating; source?: Source }) {
  const target = await subjectInScope(ctx.db, ctx.actor, subject, yearOf(ctx, input.year));
  assertYear(ctx, input.year);
  const existing = await ctx.db.selectFrom('annual_ratings').selectAll().where('tenant_id', '=', ctx.actor.tenantId)
    .where(subjectColumn(subject), '=', subject.id).where('year', '=', input.year).executeTakeFirst();
  const values = { rating: input.rating, ...sourceColumns(input.source) };
  if (existing) {
    return audited(ctx, target, 'record.rating.update', existing.id, changedFields(existing, values), async (trx) => {
      await trx.updateTable('annual_ratings').set({ ...values, updated_at: ctx.now })
        .where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', existing.id).execute();
      return existing.id;
    });
  }
  const id = uuidv7(ctx.now.getTime());
  return audited(ctx, target, 'record.rating.create', id, { created: { year: input.year, ...values } }, async (trx) => {
    await trx.insertInto('annual_ratings').values({
      tenant_id: ctx.actor.tenantId, id, ...subjectColumns(subject), year: input.year, ...values,
      created_by: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    return id;
  });
}

export interface AwardInput {
  awardForm: string; year: number; basis: AwardBasis; reason?: string | undefined; movementId?: string | null | undefined;
  decisionNumber: string; decidedOn?: string | null | undefined; decidedBy?: string | undefined;
}

export async function addAward(ctx: CommandContext, subject: Subject, input: AwardInput) {
  const target = await subjectInScope(ctx.db, ctx.actor, subject, yearOf(ctx, input.year));
  assertYear(ctx, input.year);
  // a record of the past may name a form the tenant has since retired (its history stays): any form it sees
  const form = await seenForm(ctx.db, ctx.actor.tenantId, input.awardForm);
  if (!form) throw new AppError('record.unknown_award_form', 400, { form: input.awardForm });
  const fits = form.recipient === 'both' || (subject.kind === 'person' ? form.recipient === 'individual' : form.recipient === 'collective');
  if (!fits) throw new AppError('record.award_form_recipient', 400, { form: input.awardForm });
  // the movement it was won in: one the officer can read (a plan of their unit, or issued above it), else 404
  if (input.movementId) await visibleMovement(ctx.db, ctx.actor, input.movementId);
  const id = uuidv7(ctx.now.getTime());
  const values = {
    award_form: input.awardForm, year: input.year, basis: input.basis, reason: input.reason ?? '', movement_id: input.movementId ?? null,
    decision_number: input.decisionNumber, decided_on: input.decidedOn ?? null, decided_by: input.decidedBy ?? '',
  };
  await assertNoDuplicate(ctx, 'awards', subject, (q) => q.where('award_form', '=', values.award_form)
    .where('year', '=', values.year).where('decision_number', '=', values.decision_number));
  return audited(ctx, target, 'record.award.create', id, { created: values }, async (trx) => {
    // the ledger gives it its recipient columns, tallies and, resting on a decision, the certificate's code
    await recordAwards(trx, ctx.actor.tenantId, [{
      id, ...subjectColumns(subject), ...values, revoked_on: null, revocation_number: null,
      created_by: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }]);
    return id;
  });
}

export interface InitiativeInput {
  kind: 'initiative' | 'scientific_work'; title: string; level: InitiativeLevel; year: number;
  recognisedOn?: string | null | undefined; effect?: string | undefined; source?: Source;
}

export async function addInitiative(ctx: CommandContext, subject: Subject, input: InitiativeInput) {
  const target = await subjectInScope(ctx.db, ctx.actor, subject, yearOf(ctx, input.year));
  assertYear(ctx, input.year);
  const id = uuidv7(ctx.now.getTime());
  const values = {
    kind: input.kind, title: input.title, title_fold: foldVietnamese(input.title), level: input.level, year: input.year,
    recognised_on: input.recognisedOn ?? null, effect: input.effect ?? '', ...sourceColumns(input.source),
  };
  await assertNoDuplicate(ctx, 'initiatives', subject, (q) => q.where('title_fold', '=', values.title_fold).where('level', '=', values.level));
  return audited(ctx, target, 'record.initiative.create', id, { created: values }, async (trx) => {
    await trx.insertInto('initiatives').values({
      tenant_id: ctx.actor.tenantId, id, ...subjectColumns(subject), ...values,
      created_by: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    return id;
  });
}

export interface DisciplineInput { form: DisciplineForm; startsOn: string; endsOn?: string | null | undefined; reason?: string | undefined; source?: Source }

export async function addDiscipline(ctx: CommandContext, subject: Subject, input: DisciplineInput) {
  const target = await subjectInScope(ctx.db, ctx.actor, subject, writeOn(ctx, input.startsOn, input.endsOn ?? input.startsOn));
  if (input.endsOn && input.endsOn < input.startsOn) throw new AppError('record.invalid_period', 400);
  assertYear(ctx, Number(input.startsOn.slice(0, 4)));
  const id = uuidv7(ctx.now.getTime());
  const values = { form: input.form, starts_on: input.startsOn, ends_on: input.endsOn ?? null, reason: input.reason ?? '', ...sourceColumns(input.source) };
  await assertNoDuplicate(ctx, 'disciplines', subject, (q) => q.where('form', '=', values.form).where('starts_on', '=', values.starts_on));
  return audited(ctx, target, 'record.discipline.create', id, { created: values }, async (trx) => {
    await trx.insertInto('disciplines').values({
      tenant_id: ctx.actor.tenantId, id, ...subjectColumns(subject), ...values,
      created_by: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    return id;
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the natural-key filter differs per table
async function assertNoDuplicate(ctx: CommandContext, table: 'awards' | 'initiatives' | 'disciplines', subject: Subject, natural: (q: any) => any) {
  const base = ctx.db.selectFrom(table).select('id').where('tenant_id', '=', ctx.actor.tenantId).where(subjectColumn(subject), '=', subject.id);
  if (await natural(base).executeTakeFirst()) throw new AppError('record.duplicate', 409);
}

/** Removes a record entered by mistake; the audit entry keeps what it said. */
export async function removeRecord(ctx: CommandContext, kind: RecordKind, id: string) {
  const table = TABLES[kind];
  const row = await findRecordRow(ctx.db, table, ctx.actor.tenantId, id);
  if (!row) throw notFound('record');
  const subject: Subject = row.person_id ? { kind: 'person', id: row.person_id } : { kind: 'collective', id: row.organisation_id! };
  const full = await ctx.db.selectFrom(table).selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirstOrThrow();
  // the record's own period decides who may remove it, as it decided who could write it
  const dated = full as { year?: number; starts_on?: string; ends_on?: string | null };
  const period = dated.year !== undefined ? yearOf(ctx, dated.year)
    : dated.starts_on !== undefined ? writeOn(ctx, dated.starts_on, dated.ends_on ?? dated.starts_on) : writeOn(ctx, todayInVietnam(ctx.now));
  const target = await subjectInScope(ctx.db, ctx.actor, subject, period).catch((e: unknown) => {
    throw e instanceof AppError && e.status === 404 ? notFound('record') : e;
  });
  await audited(ctx, target, `record.${kind.replace(/s$/, '')}.delete`, id, { deleted: full }, async (trx) => {
    // an award leaves the statistics' tallies with it: the ledger deletes it
    if (table === 'awards') await reviseAwards(trx, ctx.actor.tenantId, { awardIds: [id] }, { delete: true });
    else await trx.deleteFrom(table).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).execute();
  });
}
