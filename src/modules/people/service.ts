import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { changedFields, recordAudit } from '../../platform/audit.ts';
import { assertCan, canReach, type Actor, type Permission } from '../../platform/auth/policy.ts';
import { formatDate, todayInVietnam } from '../../platform/vn/dates.ts';
import { visibleOrganisation } from '../organisations/index.ts';
import { employmentsDecidingWrites, findOverlap, isCommune, isDirectWorker } from './model.ts';
import { employmentsOf, findPerson, lockPerson, nameColumns, residencesOf } from './store.ts';
import { fillAwardRecipients } from '../awards/index.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';

type Db = Kysely<Database>;

type Employments = Awaited<ReturnType<typeof employmentsOf>>;
type Residences = Awaited<ReturnType<typeof residencesOf>>;
/** The units a person belongs to: employers, and communes of residence (residents have no employer). */
type Memberships = readonly { organisation_path: string }[];

/** A person is reached through the organisations that employ(ed) them or the communes they live(d) in; one may always read oneself. */
function reaches(actor: Actor, permission: Permission, personId: string, memberships: Memberships): boolean {
  if (permission === 'person.read' && actor.personId === personId) return true;
  return memberships.some((e) => canReach(actor, permission, e.organisation_path));
}

export async function visiblePerson(db: Db, actor: Actor, id: string) {
  const person = await findPerson(db, actor.tenantId, id);
  if (!person) throw notFound('person');
  const [employments, residences] = await Promise.all([employmentsOf(db, actor.tenantId, id), residencesOf(db, actor.tenantId, id)]);
  if (!reaches(actor, 'person.read', id, [...employments, ...residences])) throw notFound('person');
  return { person, employments, residences };
}

/** Changing a person's details belongs to their employer in force today (model.employmentsDecidingWrites). */
async function writablePerson(db: Db, actor: Actor, id: string, today: string) {
  const found = await visiblePerson(db, actor, id);
  if (!reaches(actor, 'person.write', id, [...employmentsDecidingWrites(found.employments, today), ...found.residences])) throw new AppError('forbidden', 403);
  return found;
}

/** The audit entry of a person belongs to the subtree of their latest employer, or commune of residence. */
function auditPath(employments: Employments, residences: Residences = []): string {
  return employments.at(-1)?.organisation_path ?? residences.at(-1)?.organisation_path ?? '/';
}

export interface EmploymentInput { organisationId: string; position: string; isLeader: boolean; startDate: string; endDate?: string | null | undefined }
export interface PersonInput {
  fullName: string; gender: 'male' | 'female'; birthYear?: number | null | undefined; ethnicity?: string | undefined;
  /** HR code (mã cán bộ); null clears it */
  code?: string | null | undefined;
}

/** An HR code names one person in the tenant (the partial unique index people_code): say so before the index does. */
async function assertCodeFree(db: Db, tenantId: string, code: string | null | undefined, selfId: string | null) {
  if (!code) return;
  const other = await db.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
  if (other && other.id !== selfId) throw new AppError('person.code_taken', 409, { code });
}

/** Two officers giving the same code at once: the second meets the index, and gets the same answer. */
function codeClash(code: string | null | undefined) {
  return (error: unknown): never => {
    if (code && error instanceof Error && /unique constraint "people_code"/.test(error.message)) {
      throw new AppError('person.code_taken', 409, { code });
    }
    throw error;
  };
}

async function checkEmployment(ctx: CommandContext, existing: Employments, input: EmploymentInput, selfId?: string) {
  const endDate = input.endDate ?? null;
  if (endDate !== null && endDate < input.startDate) throw new AppError('employment.invalid_period', 400);
  const org = await visibleOrganisation(ctx.db, ctx.actor, input.organisationId);
  assertCan(ctx.actor, 'person.write', org.path);
  const clash = findOverlap(existing.map((e) => ({ ...e, startDate: e.start_date, endDate: e.end_date })),
    { id: selfId, startDate: input.startDate, endDate });
  if (clash) {
    const params = { start: formatDate(clash.start_date), organisation: clash.organisation_name };
    if (!clash.end_date) throw new AppError('employment.overlap_open', 409, params);
    throw new AppError('employment.overlap', 409, { ...params, end: formatDate(clash.end_date) });
  }
  return org;
}

export async function createPerson(ctx: CommandContext, input: PersonInput & { employment?: EmploymentInput | undefined; residence?: ResidenceInput | undefined }) {
  const { actor } = ctx;
  if (!input.employment === !input.residence) throw new AppError('person.residence_or_employment', 400);
  const org = input.employment ? await checkEmployment(ctx, [], input.employment) : await checkResidence(ctx, [], input.residence!);
  const id = uuidv7(ctx.now.getTime());
  return ctx.db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, actor.tenantId, input.code, null);
    await trx.insertInto('people').values({
      tenant_id: actor.tenantId, id, ...nameColumns(input.fullName), gender: input.gender,
      birth_year: input.birthYear ?? null, ethnicity: input.ethnicity ?? 'Kinh', code: input.code ?? null,
      created_at: ctx.now, updated_at: ctx.now,
    }).execute().catch(codeClash(input.code));
    if (input.employment) {
      await trx.insertInto('employments').values({
        tenant_id: actor.tenantId, id: uuidv7(ctx.now.getTime()), person_id: id, organisation_id: org.id, position: input.employment.position,
        is_leader: input.employment.isLeader, is_direct_worker: isDirectWorker(input.employment.position, input.employment.isLeader),
        start_date: input.employment.startDate, end_date: input.employment.endDate ?? null,
        created_at: ctx.now,
      }).execute();
    } else {
      await insertResidence(trx, actor.tenantId, id, org.id, input.residence!, ctx.now);
    }
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'person.create', entityType: 'person', entityId: id,
      organisationPath: org.path, changes: { created: { ...input } }, requestId: ctx.requestId, at: ctx.now,
    });
    return id;
  });
}

// ── residence: a resident belongs to a commune (farmers, students, citizens without employment) ─────

export interface ResidenceInput {
  organisationId: string; village: string; address?: string | undefined; validFrom: string; validTo?: string | null | undefined;
}

async function checkResidence(ctx: CommandContext, existing: Residences, input: ResidenceInput, selfId?: string) {
  const validTo = input.validTo ?? null;
  if (validTo !== null && validTo < input.validFrom) throw new AppError('residence.invalid_period', 400);
  const org = await visibleOrganisation(ctx.db, ctx.actor, input.organisationId);
  assertCan(ctx.actor, 'person.write', org.path);
  if (!isCommune(org)) throw new AppError('residence.not_commune', 422, { name: org.name });
  // one commune of residence on any date
  const clash = findOverlap(existing.map((r) => ({ id: r.id, startDate: r.valid_from, endDate: r.valid_to, name: r.organisation_name })),
    { id: selfId, startDate: input.validFrom, endDate: validTo });
  if (clash) throw new AppError('residence.overlap', 409, { start: formatDate(clash.startDate), organisation: clash.name });
  return org;
}

async function insertResidence(trx: Db, tenantId: string, personId: string, organisationId: string, input: ResidenceInput, now: Date) {
  const id = uuidv7(now.getTime());
  await trx.insertInto('residences').values({
    tenant_id: tenantId, id, person_id: personId, organisation_id: organisationId, village: input.village.trim(),
    address: input.address?.trim() ?? '', valid_from: input.validFrom, valid_to: input.validTo ?? null, created_at: now,
  }).execute();
  return id;
}

export async function addResidence(ctx: CommandContext, personId: string, input: ResidenceInput) {
  const { actor } = ctx;
  await visiblePerson(ctx.db, actor, personId);
  return ctx.db.transaction().execute(async (trx) => {
    await lockPerson(trx, actor.tenantId, personId);
    const existing = await residencesOf(trx, actor.tenantId, personId);
    const org = await checkResidence({ ...ctx, db: trx }, existing, input);
    const id = await insertResidence(trx, actor.tenantId, personId, org.id, input, ctx.now);
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'residence.create', entityType: 'residence', entityId: id,
      organisationPath: org.path, changes: { personId, ...input }, requestId: ctx.requestId, at: ctx.now,
    });
    return id;
  });
}

/** Changes a residence period; made from an older version of it, refused (409 edit.stale) with nothing changed. */
export async function updateResidence(ctx: CommandContext, personId: string, residenceId: string,
  { version, ...patch }: Partial<Omit<ResidenceInput, 'organisationId'>> & { version?: number | undefined }) {
  const { actor } = ctx;
  await visiblePerson(ctx.db, actor, personId);
  await ctx.db.transaction().execute(async (trx) => {
    await lockPerson(trx, actor.tenantId, personId);
    const existing = await residencesOf(trx, actor.tenantId, personId);
    const current = existing.find((r) => r.id === residenceId);
    if (!current) throw notFound('residence');
    assertCurrentVersion(version, current.version);
    const next = {
      organisationId: current.organisation_id, village: patch.village ?? current.village, address: patch.address ?? current.address,
      validFrom: patch.validFrom ?? current.valid_from, validTo: patch.validTo === undefined ? current.valid_to : patch.validTo,
    };
    await checkResidence({ ...ctx, db: trx }, existing, next, residenceId);
    await trx.updateTable('residences').set({
      village: next.village.trim(), address: next.address.trim(), valid_from: next.validFrom, valid_to: next.validTo, version: nextVersion(),
    }).where('tenant_id', '=', actor.tenantId).where('id', '=', residenceId).execute();
    const before = { village: current.village, address: current.address, validFrom: current.valid_from, validTo: current.valid_to };
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'residence.update', entityType: 'residence', entityId: residenceId,
      organisationPath: current.organisation_path, changes: changedFields(before, next), requestId: ctx.requestId, at: ctx.now,
    });
  });
}

/** Corrects a person; made from an older version than the row's, it is refused (409 edit.stale) and nothing changes. */
export async function updatePerson(ctx: CommandContext, id: string, input: Partial<PersonInput> & { version?: number | undefined }) {
  const { actor } = ctx;
  const { employments, residences } = await writablePerson(ctx.db, actor, id, todayInVietnam(ctx.now));
  const { version, ...patch } = input;
  await ctx.db.transaction().execute(async (trx) => {
    await lockPerson(trx, actor.tenantId, id);
    const person = (await findPerson(trx, actor.tenantId, id))!;
    assertCurrentVersion(version, person.version);
    await assertCodeFree(trx, actor.tenantId, patch.code, id);
    await trx.updateTable('people').set({
      ...(patch.fullName !== undefined && nameColumns(patch.fullName)),
      ...(patch.gender !== undefined && { gender: patch.gender }),
      ...(patch.birthYear !== undefined && { birth_year: patch.birthYear }),
      ...(patch.ethnicity !== undefined && { ethnicity: patch.ethnicity }),
      ...(patch.code !== undefined && { code: patch.code }),
      updated_at: ctx.now, version: nextVersion(),
    }).where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute().catch(codeClash(patch.code));
    // the archive's name and the statistics' groups (women, ethnic minorities) are copied onto awards
    if (patch.fullName !== undefined || patch.gender !== undefined || patch.ethnicity !== undefined) {
      await fillAwardRecipients(trx, actor.tenantId, { personIds: [id] });
    }
    const before = { fullName: person.full_name, gender: person.gender, birthYear: person.birth_year, ethnicity: person.ethnicity, code: person.code };
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'person.update', entityType: 'person', entityId: id,
      organisationPath: auditPath(employments, residences), changes: changedFields(before, { ...before, ...patch }), requestId: ctx.requestId, at: ctx.now,
    });
  });
}

export async function addEmployment(ctx: CommandContext, personId: string, input: EmploymentInput) {
  const { actor } = ctx;
  await visiblePerson(ctx.db, actor, personId);
  return ctx.db.transaction().execute(async (trx) => {
    await lockPerson(trx, actor.tenantId, personId);
    const existing = await employmentsOf(trx, actor.tenantId, personId);
    const org = await checkEmployment({ ...ctx, db: trx }, existing, input);
    const id = uuidv7(ctx.now.getTime());
    await trx.insertInto('employments').values({
      tenant_id: actor.tenantId, id, person_id: personId, organisation_id: org.id, position: input.position,
      is_leader: input.isLeader, is_direct_worker: isDirectWorker(input.position, input.isLeader), start_date: input.startDate, end_date: input.endDate ?? null, created_at: ctx.now,
    }).execute();
    // the unit at decision time of this person's awards may change with their history
    await fillAwardRecipients(trx, actor.tenantId, { personIds: [personId] });
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'employment.create', entityType: 'employment', entityId: id,
      organisationPath: org.path, changes: { personId, ...input }, requestId: ctx.requestId, at: ctx.now,
    });
    return id;
  });
}

/** Changes an employment period; made from an older version of it, refused (409 edit.stale) with nothing changed. */
export async function updateEmployment(ctx: CommandContext, personId: string, employmentId: string,
  { version, ...patch }: Partial<Omit<EmploymentInput, 'organisationId'>> & { version?: number | undefined }) {
  const { actor } = ctx;
  await visiblePerson(ctx.db, actor, personId);
  await ctx.db.transaction().execute(async (trx) => {
    await lockPerson(trx, actor.tenantId, personId);
    const existing = await employmentsOf(trx, actor.tenantId, personId);
    const current = existing.find((e) => e.id === employmentId);
    if (!current) throw notFound('employment');
    assertCurrentVersion(version, current.version);
    const next = {
      organisationId: current.organisation_id, position: patch.position ?? current.position,
      isLeader: patch.isLeader ?? current.is_leader, startDate: patch.startDate ?? current.start_date,
      endDate: patch.endDate === undefined ? current.end_date : patch.endDate,
    };
    await checkEmployment({ ...ctx, db: trx }, existing, next, employmentId);
    await trx.updateTable('employments').set({
      position: next.position, is_leader: next.isLeader, is_direct_worker: isDirectWorker(next.position, next.isLeader), start_date: next.startDate, end_date: next.endDate,
      version: nextVersion(),
    }).where('tenant_id', '=', actor.tenantId).where('id', '=', employmentId).execute();
    await fillAwardRecipients(trx, actor.tenantId, { personIds: [personId] });
    const before = { position: current.position, isLeader: current.is_leader, startDate: current.start_date, endDate: current.end_date };
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'employment.update', entityType: 'employment',
      entityId: employmentId, organisationPath: current.organisation_path, changes: changedFields(before, next),
      requestId: ctx.requestId, at: ctx.now,
    });
  });
}

export async function removeEmployment(ctx: CommandContext, personId: string, employmentId: string) {
  const { actor } = ctx;
  const { employments } = await visiblePerson(ctx.db, actor, personId);
  const target = employments.find((e) => e.id === employmentId);
  if (!target) throw notFound('employment');
  assertCan(actor, 'person.write', target.organisation_path);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('employments').where('tenant_id', '=', actor.tenantId).where('id', '=', employmentId).execute();
    await fillAwardRecipients(trx, actor.tenantId, { personIds: [personId] });
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'employment.delete', entityType: 'employment',
      entityId: employmentId, organisationPath: target.organisation_path,
      changes: { removed: { personId, organisationId: target.organisation_id, position: target.position, startDate: target.start_date, endDate: target.end_date } },
      requestId: ctx.requestId, at: ctx.now,
    });
  });
}
