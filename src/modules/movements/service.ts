import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { assertCan, canReach, isAbove, type Actor } from '../../platform/auth/policy.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { formatDate, todayInVietnam } from '../../platform/vn/dates.ts';
import { visibleOrganisation } from '../organisations/index.ts';
import { assertTransition as assertStep } from '../../platform/workflow.ts';
import { diffAgainstParent, inheritPlan, loosenedQuotas, REGISTRATION_TRANSITIONS, responseState, TRANSITIONS, type MovementAction, type MovementKind, type ResponseState } from './model.ts';
import { planSchema, type Plan, type PlanInput } from './plan.ts';
import type { PhaseInput } from './phases.ts';
import { movementDocument } from './document.ts';
import type { OfficialDocument } from '../../platform/documents/model.ts';
import { findOrganisation } from '../organisations/index.ts';
import { holdersAt, notify } from '../notifications/index.ts';
import { awardFormCodes, findMovement, lockMovement, phasesOf, phasesWithReports, planOf, registrableSubjects, responsesTo, type MovementRow } from './store.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';
import { formsSeenBy } from '../awards/index.ts';
import { proposeNumber, takeNumber } from '../../platform/documents/numbers.ts';
import { isDocumentSymbol } from '../../shared/document-number.ts';

type Db = Kysely<Database>;

/** Readable: a plan of one's subtree (drafts too), or an issued plan of an organisation above one. */
export async function visibleMovement(db: Db, actor: Actor, id: string): Promise<MovementRow> {
  const row = await findMovement(db, actor.tenantId, id);
  if (!row) throw notFound('movement');
  const own = canReach(actor, 'movement.read', row.organisation_path);
  const fromAbove = row.status !== 'draft' && isAbove(actor, 'movement.read', row.organisation_path);
  if (!own && !fromAbove) throw notFound('movement');
  return row;
}

function assertTransition(row: MovementRow, action: MovementAction) {
  assertStep(TRANSITIONS, row.status, action, { code: row.status !== 'draft' && action === 'edit' ? 'movement.immutable' : 'movement.transition' });
}

export interface MovementHeader {
  kind: MovementKind;
  name: string;
  slogan?: string | undefined;
  documentSymbol?: string | undefined;
  place?: string | undefined;
  periodStart: string;
  periodEnd: string;
}

async function checkPlan(db: Db, tenantId: string, today: string, plan: Plan, parent: Plan | null) {
  const known = await awardFormCodes(db, tenantId, today);
  for (const code of [...plan.awards.map((a) => a.awardForm), ...plan.criteria.map((c) => c.awardForm)]) {
    if (!known.has(code)) throw new AppError('movement.unknown_award_form', 400, { code });
  }
  if (parent) {
    const [loosened] = loosenedQuotas(plan, parent);
    if (loosened) throw new AppError('movement.quota_loosened', 400, { field: loosened.field, limit: loosened.parent });
  }
}

/** The organisations and movements a plan names by id (its tasks' owners, its quotas' units, its legal bases). */
function planReferences(plan: Plan) {
  return {
    organisations: [...plan.tasks.flatMap((t) => (t.ownerOrganisationId ? [t.ownerOrganisationId] : [])),
      ...plan.awards.flatMap((a) => a.quotas.flatMap((q) => q.appliesTo.organisationIds))],
    movements: plan.legalBases.flatMap((b) => (b.movementId ? [b.movementId] : [])),
  };
}

/**
 * Every organisation and movement a plan names must be one the writer can see (else 404, as for any
 * out-of-scope id): a unit of their subtree or above it, a movement they read. Ids the plan
 * already held (inherited from the plan above, or checked when first written) are not checked again.
 */
async function checkPlanReferences(db: Db, actor: Actor, plan: Plan, before: Plan | null) {
  const held = before ? planReferences(before) : { organisations: [], movements: [] };
  const refs = planReferences(plan);
  for (const id of new Set(refs.organisations.filter((o) => !held.organisations.includes(o)))) {
    // the writer's subtree, or the units above it (a department's plan may give a task to the province)
    const org = await findOrganisation(db, actor.tenantId, id);
    if (!org || !(canReach(actor, 'organisation.read', org.path) || isAbove(actor, 'organisation.read', org.path))) throw notFound('organisation');
  }
  for (const id of new Set(refs.movements.filter((m) => !held.movements.includes(m)))) await visibleMovement(db, actor, id);
}

function checkPeriod(h: { periodStart: string; periodEnd: string }) {
  if (h.periodEnd < h.periodStart) throw new AppError('movement.period_inverted', 400);
}

/**
 * Saves a movement's phases as the list given: a phase sent with the id of one of this movement's phases is that
 * phase, changed in place (unit reports and reminders hang on its id); a phase without a known id is new; a phase
 * left out is removed — unless units have started reports on it, which the officer is told (409), never a 500.
 */
async function writePhases(trx: Db, tenantId: string, movementId: string, phases: (PhaseInput & { inheritedFrom?: string | null })[]) {
  const existing = await phasesOf(trx, tenantId, movementId);
  const kept = new Set(phases.map((p) => p.id).filter((id): id is string => !!id && existing.some((e) => e.id === id)));
  const removed = existing.filter((e) => !kept.has(e.id));
  if (removed.length > 0) {
    const reported = await phasesWithReports(trx, tenantId, removed.map((r) => r.id));
    const first = removed.find((r) => reported.has(r.id));
    if (first) throw new AppError('movement.phase_has_reports', 409, { title: first.title });
    await trx.deleteFrom('movement_phases').where('tenant_id', '=', tenantId).where('movement_id', '=', movementId)
      .where('id', 'in', removed.map((r) => r.id)).execute();
  }
  for (const [position, p] of phases.entries()) {
    const values = {
      kind: p.kind, title: p.title, starts_on: p.startsOn ?? null, due_on: p.dueOn ?? null, due_from: p.dueFrom,
      outline: p.outline ? JSON.stringify(p.outline) : null, inherited_from: p.inheritedFrom ?? null, position,
    };
    if (p.id && kept.has(p.id)) {
      await trx.updateTable('movement_phases').set(values).where('tenant_id', '=', tenantId).where('id', '=', p.id).execute();
    } else {
      await trx.insertInto('movement_phases').values({ tenant_id: tenantId, id: uuidv7(), movement_id: movementId, ...values }).execute();
    }
  }
}

export async function createMovement(ctx: CommandContext, input: MovementHeader & { organisationId: string; plan: PlanInput; phases: PhaseInput[] }) {
  const { db, actor } = ctx;
  const org = await visibleOrganisation(db, actor, input.organisationId);
  assertCan(actor, 'movement.write', org.path);
  checkPeriod(input);
  const plan = planSchema.parse(input.plan);
  await checkPlan(db, actor.tenantId, todayInVietnam(ctx.now), plan, null);
  await checkPlanReferences(db, actor, plan, null);
  const id = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('movements').values({
      tenant_id: actor.tenantId, id, organisation_id: org.id, parent_movement_id: null, kind: input.kind, status: 'draft',
      name: input.name, name_fold: foldVietnamese(input.name), slogan: input.slogan ?? '', document_number: null,
      document_symbol: input.documentSymbol ?? '', place: input.place ?? '', issued_on: null,
      period_start: input.periodStart, period_end: input.periodEnd, plan: JSON.stringify(plan),
      created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    await writePhases(trx, actor.tenantId, id, input.phases);
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'movement.create', entityType: 'movement', entityId: id,
      organisationPath: org.path, changes: { name: input.name, kind: input.kind }, requestId: ctx.requestId, at: ctx.now,
    });
  });
  return id;
}

/** A subordinate organisation's plan made from an issued parent: everything inherited, nothing yet its own. */
export async function cascadeMovement(ctx: CommandContext, parentId: string, organisationId: string) {
  const { db, actor } = ctx;
  const parent = await visibleMovement(db, actor, parentId);
  if (parent.status !== 'issued') throw new AppError('movement.parent_not_issued', 409);
  const org = await visibleOrganisation(db, actor, organisationId);
  if (!org.path.startsWith(parent.organisation_path) || org.id === parent.organisation_id) {
    throw new AppError('movement.not_subordinate', 400, { organisation: org.name });
  }
  assertCan(actor, 'movement.write', org.path);
  const basis = `Thực hiện Kế hoạch số ${parent.document_number ?? ''}/${parent.document_symbol} ngày ${formatDate(parent.issued_on!)} `
    + `của ${parent.organisation_name} về ${parent.name}`;
  const plan = inheritPlan(planOf(parent), { text: basis, movementId: parent.id }, () => uuidv7());
  const phases = await phasesOf(db, actor.tenantId, parent.id);
  const id = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('movements').values({
      tenant_id: actor.tenantId, id, organisation_id: org.id, parent_movement_id: parent.id, kind: parent.kind, status: 'draft',
      name: parent.name, name_fold: parent.name_fold, slogan: parent.slogan, document_number: null, document_symbol: '',
      place: '', issued_on: null, period_start: parent.period_start, period_end: parent.period_end, plan: JSON.stringify(plan),
      created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    await writePhases(trx, actor.tenantId, id, phases.map((p) => ({
      kind: p.kind, title: p.title, startsOn: p.starts_on, dueOn: p.due_on, dueFrom: p.due_from,
      outline: p.outline as PhaseInput['outline'], inheritedFrom: p.id,
    })));
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'movement.cascade', entityType: 'movement', entityId: id,
      organisationPath: org.path, changes: { parentMovementId: parent.id }, requestId: ctx.requestId, at: ctx.now,
    });
  });
  return id;
}

export type MovementPatch = Partial<MovementHeader> & {
  plan?: PlanInput | undefined; phases?: PhaseInput[] | undefined;
  /** the version the edit was made from (optimistic concurrency) */
  version?: number | undefined;
};

/**
 * Applies a patch to a draft, or to an issued plan as a recorded amendment with its reason. The row is locked and read
 * again inside the transaction, so two officers changing different fields both keep their change, and amendments
 * made at the same time get consecutive numbers; a patch made from an older version is refused (409).
 */
async function applyPatch(ctx: CommandContext, id: string, patch: MovementPatch, amendment: { reason: string } | null) {
  const { db, actor } = ctx;
  const plan = patch.plan ? planSchema.parse(patch.plan) : null;
  await db.transaction().execute(async (trx) => {
    await lockMovement(trx, actor.tenantId, id);
    const row = (await findMovement(trx, actor.tenantId, id))!;
    assertTransition(row, amendment ? 'amend' : 'edit');
    assertCurrentVersion(patch.version, row.version);
    // the symbol is part of the number the plan was issued (and registered) under
    if (row.status !== 'draft' && patch.documentSymbol !== undefined && patch.documentSymbol !== row.document_symbol) {
      throw new AppError('movement.symbol_fixed', 409);
    }
    const next = {
      kind: patch.kind ?? row.kind, name: patch.name ?? row.name, slogan: patch.slogan ?? row.slogan,
      documentSymbol: patch.documentSymbol ?? row.document_symbol, place: patch.place ?? row.place,
      periodStart: patch.periodStart ?? row.period_start, periodEnd: patch.periodEnd ?? row.period_end,
    };
    checkPeriod(next);
    const before = planOf(row);
    const parent = row.parent_movement_id ? await findMovement(trx, actor.tenantId, row.parent_movement_id) : undefined;
    await checkPlan(trx, actor.tenantId, todayInVietnam(ctx.now), plan ?? before, parent ? planOf(parent) : null);
    await checkPlanReferences(trx, actor, plan ?? before, before);
    await trx.updateTable('movements').set({
      kind: next.kind, name: next.name, name_fold: foldVietnamese(next.name), slogan: next.slogan,
      document_symbol: next.documentSymbol, place: next.place, period_start: next.periodStart, period_end: next.periodEnd,
      plan: JSON.stringify(plan ?? before), updated_at: ctx.now, version: nextVersion(),
      ...(amendment && { amendment_count: row.amendment_count + 1 }),
    }).where('tenant_id', '=', actor.tenantId).where('id', '=', row.id).execute();
    if (patch.phases) await writePhases(trx, actor.tenantId, row.id, patch.phases);
    const changes = {
      header: Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'plan' && k !== 'phases' && k !== 'version')),
      plan: plan ? diffAgainstParent(plan, before) : [],
      phases: patch.phases ? patch.phases.length : null,
    };
    if (amendment) {
      await trx.insertInto('movement_amendments').values({
        tenant_id: actor.tenantId, id: uuidv7(ctx.now.getTime()), movement_id: row.id, sequence: row.amendment_count + 1,
        reason: amendment.reason, changes: JSON.stringify(changes), amended_by: actor.userId, amended_at: ctx.now,
      }).execute();
    }
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: amendment ? 'movement.amend' : 'movement.update',
      entityType: 'movement', entityId: row.id, organisationPath: row.organisation_path,
      changes: amendment ? { reason: amendment.reason, ...changes } : changes, requestId: ctx.requestId, at: ctx.now,
    });
  });
}

async function writableMovement(ctx: CommandContext, id: string, permission: 'movement.write' | 'movement.issue') {
  const row = await visibleMovement(ctx.db, ctx.actor, id);
  if (!canReach(ctx.actor, permission, row.organisation_path)) throw new AppError('forbidden', 403);
  return row;
}

export async function updateDraft(ctx: CommandContext, id: string, patch: MovementPatch) {
  const row = await writableMovement(ctx, id, 'movement.write');
  assertTransition(row, 'edit');
  await applyPatch(ctx, row.id, patch, null);
}

export async function amendMovement(ctx: CommandContext, id: string, patch: MovementPatch & { reason: string }) {
  const row = await writableMovement(ctx, id, 'movement.write');
  assertTransition(row, 'amend');
  const { reason, ...rest } = patch;
  await applyPatch(ctx, row.id, rest, { reason });
}

export interface IssueInput { documentNumber: number; documentSymbol?: string | undefined; issuedOn: string; place?: string | undefined }

/** The plan's series in the register: its issuer, a symbol (the plan's unless another is named) and a year. */
function seriesOf(row: MovementRow, symbol: string | undefined, year: number) {
  const s = symbol ?? row.document_symbol;
  // a draft may still have no symbol (or one written before symbols were checked): a number needs one
  if (!isDocumentSymbol(s)) throw new AppError('document.symbol_invalid', 400);
  return { tenantId: row.tenant_id, issuerId: row.organisation_id, symbol: s, year };
}

/** The number the issue form proposes for the plan: one past the highest its issuer took with the symbol that year. */
export async function proposeMovementNumber(ctx: { db: Db; actor: Actor }, id: string, q: { symbol?: string | undefined; year: number }) {
  const row = await visibleMovement(ctx.db, ctx.actor, id);
  if (!canReach(ctx.actor, 'movement.issue', row.organisation_path)) throw new AppError('forbidden', 403);
  const series = seriesOf(row, q.symbol, q.year);
  return { number: await proposeNumber(ctx.db, series), symbol: series.symbol, year: series.year };
}

/**
 * Issues the draft with its number, taken in the register in the same transaction: a number its issuer already gave
 * that year with that symbol (by a plan or a decision, or by another officer issuing at the same instant) is a 409
 * that proposes the next free one. The row is locked, so one plan is never issued twice.
 */
export async function issueMovement(ctx: CommandContext, id: string, input: IssueInput) {
  const visible = await writableMovement(ctx, id, 'movement.issue');
  assertTransition(visible, 'issue');
  const { db, actor } = ctx;
  await db.transaction().execute(async (trx) => {
    await lockMovement(trx, actor.tenantId, id);
    const row = (await findMovement(trx, actor.tenantId, id))!;
    assertTransition(row, 'issue');
    const series = seriesOf(row, input.documentSymbol, Number(input.issuedOn.slice(0, 4)));
    if (!await takeNumber(trx, { ...series, number: input.documentNumber }, { entityType: 'movement', entityId: id }, ctx.now)) {
      throw new AppError('movement.number_taken', 409, {
        number: input.documentNumber, symbol: series.symbol, year: series.year, next: await proposeNumber(trx, series),
      });
    }
    await trx.updateTable('movements').set({
      status: 'issued', document_number: input.documentNumber, document_symbol: series.symbol, issued_on: input.issuedOn,
      place: input.place ?? row.place, updated_at: ctx.now, version: nextVersion(),
    }).where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'movement.issue', entityType: 'movement', entityId: id,
      organisationPath: row.organisation_path,
      changes: { documentNumber: input.documentNumber, documentSymbol: series.symbol, issuedOn: input.issuedOn },
      requestId: ctx.requestId, at: ctx.now,
    });
  });
}

export async function closeMovement(ctx: CommandContext, id: string) {
  const row = await writableMovement(ctx, id, 'movement.issue');
  assertTransition(row, 'close');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('movements').set({ status: 'closed', updated_at: ctx.now })
      .where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).execute();
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: 'movement.close', entityType: 'movement', entityId: id,
      organisationPath: row.organisation_path, changes: {}, requestId: ctx.requestId, at: ctx.now,
    });
  });
}

export interface RegistrationInput {
  organisationId: string;
  titles: {
    awardForm: string; collectives?: number | undefined; individuals?: number | undefined; note?: string | undefined;
    /** who registers for the title by name (issue 17.7): people of the unit, collectives under it */
    personIds?: string[] | undefined; organisationIds?: string[] | undefined;
  }[];
  commitments: string;
}

/**
 * A unit's registration (đăng ký thi đua) for an issued plan of its own or of an organisation above it: per title
 * the counts, or the people and collectives by name (then the counts are theirs). Every person and collective named
 * must be the unit's today (one query for all). A save waits for the head's approval (REGISTRATION_TRANSITIONS).
 */
export async function registerForMovement(ctx: CommandContext, movementId: string, input: RegistrationInput) {
  const { db, actor } = ctx;
  const row = await visibleMovement(db, actor, movementId);
  if (row.status !== 'issued') throw new AppError('movement.transition', 409, { action: 'register', status: row.status });
  const org = await visibleOrganisation(db, actor, input.organisationId);
  if (!org.path.startsWith(row.organisation_path)) throw new AppError('movement.not_subordinate', 400, { organisation: org.name });
  assertCan(actor, 'movement.write', org.path);
  const today = todayInVietnam(ctx.now);
  const known = await awardFormCodes(db, actor.tenantId, today);
  for (const t of input.titles) if (!known.has(t.awardForm)) throw new AppError('movement.unknown_award_form', 400, { code: t.awardForm });
  const personIds = [...new Set(input.titles.flatMap((t) => t.personIds ?? []))];
  const organisationIds = [...new Set(input.titles.flatMap((t) => t.organisationIds ?? []))];
  const found = await registrableSubjects(db, actor.tenantId, org.path, today, personIds, organisationIds);
  const missing = personIds.filter((id) => !found.people.has(id)).length + organisationIds.filter((id) => !found.units.has(id)).length;
  if (missing > 0) throw new AppError('movement.registration_out_of_reach', 422, { count: missing, organisation: org.name });
  const entries = input.titles.flatMap((t) => [
    ...(t.personIds ?? []).map((id) => ({ awardForm: t.awardForm, personId: id, organisationId: null, name: found.people.get(id)! })),
    ...(t.organisationIds ?? []).map((id) => ({ awardForm: t.awardForm, personId: null, organisationId: id, name: found.units.get(id)! })),
  ]);
  const seen = new Set<string>();
  for (const e of entries) {
    const key = `${e.awardForm}|${e.personId ?? e.organisationId}`;
    if (seen.has(key)) throw new AppError('movement.registration_named_twice', 422, { name: e.name, code: e.awardForm });
    seen.add(key);
  }
  // a title named by name counts its names
  const titles = input.titles.map(({ personIds: people, organisationIds: units, ...t }) => (people?.length || units?.length
    ? { ...t, individuals: people?.length ?? 0, collectives: units?.length ?? 0, named: true } : t));
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('movement_registrations').select(['id', 'status']).where('tenant_id', '=', actor.tenantId)
      .where('movement_id', '=', movementId).where('organisation_id', '=', org.id).forUpdate().executeTakeFirst();
    if (existing) assertStep(REGISTRATION_TRANSITIONS, existing.status, 'save', { code: 'movement.registration_transition' });
    const id = existing?.id ?? uuidv7(ctx.now.getTime());
    const values = {
      titles: JSON.stringify(titles), commitments: input.commitments, registered_by: actor.userId, registered_at: ctx.now,
      status: 'awaiting_head' as const, approved_by: null, approved_at: null,
    };
    if (existing) {
      await trx.updateTable('movement_registrations').set(values).where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
      await trx.deleteFrom('movement_registration_entries').where('tenant_id', '=', actor.tenantId).where('registration_id', '=', id).execute();
    } else {
      await trx.insertInto('movement_registrations').values({ tenant_id: actor.tenantId, id, movement_id: movementId, organisation_id: org.id, ...values }).execute();
    }
    if (entries.length > 0) {
      await trx.insertInto('movement_registration_entries').values(entries.map((e, position) => ({
        tenant_id: actor.tenantId, id: uuidv7(ctx.now.getTime()), registration_id: id, award_form: e.awardForm, person_id: e.personId,
        organisation_id: e.organisationId, name: e.name, position,
      }))).execute();
    }
    // the unit's head is asked to approve it (the bell, and e-mail if they asked for it)
    const heads = await holdersAt(trx, actor.tenantId, ['unit_head'], org.id);
    await notify(trx, heads, {
      tenantId: actor.tenantId, topic: 'registration_awaiting_head', entityType: 'movement', entityId: movementId,
      params: { unit: org.name, movement: row.name }, at: ctx.now,
    });
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'movement.register', entityType: 'movement', entityId: movementId,
      organisationPath: org.path, changes: { organisationId: org.id, titles, named: entries.map((e) => ({ awardForm: e.awardForm, personId: e.personId, organisationId: e.organisationId })) },
      requestId: ctx.requestId, at: ctx.now,
    });
  });
}

/** The unit's head approves its registration as saved (nomination.approve over the unit): audited. */
export async function approveRegistration(ctx: CommandContext, movementId: string, organisationId: string) {
  const { db, actor } = ctx;
  const movement = await visibleMovement(db, actor, movementId);
  const org = await visibleOrganisation(db, actor, organisationId);
  assertCan(actor, 'nomination.approve', org.path);
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('movement_registrations').select(['id', 'status']).where('tenant_id', '=', actor.tenantId)
      .where('movement_id', '=', movement.id).where('organisation_id', '=', org.id).forUpdate().executeTakeFirst();
    if (!existing) throw notFound('movement_registration');
    assertStep(REGISTRATION_TRANSITIONS, existing.status, 'approve', { code: 'movement.registration_transition' });
    await trx.updateTable('movement_registrations').set({ status: 'approved', approved_by: actor.userId, approved_at: ctx.now })
      .where('tenant_id', '=', actor.tenantId).where('id', '=', existing.id).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'movement.registration_approve', entityType: 'movement', entityId: movement.id,
      organisationPath: org.path, changes: { organisationId: org.id, status: [existing.status, 'approved'] }, requestId: ctx.requestId, at: ctx.now,
    });
  });
}

/** A reminder to a unit that has not responded: recorded, audited, and sent to the unit's officers (bell and e-mail). */
export async function remind(ctx: CommandContext, movementId: string, input: { organisationId: string; message: string }) {
  const { db, actor } = ctx;
  const row = await writableMovement(ctx, movementId, 'movement.write');
  const org = await visibleOrganisation(db, actor, input.organisationId);
  if (org.parent_id !== row.organisation_id) throw new AppError('movement.not_responding_unit', 400, { organisation: org.name });
  const id = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('movement_reminders').values({
      tenant_id: actor.tenantId, id, movement_id: movementId, organisation_id: org.id, phase_id: null, message: input.message,
      sent_by: actor.userId, sent_at: ctx.now,
    }).execute();
    // the unit's own officers and head see it in the bell, and by e-mail if they asked for it
    const officers = await holdersAt(trx, actor.tenantId, ['unit_officer', 'unit_head'], org.id);
    await notify(trx, officers, {
      tenantId: actor.tenantId, topic: 'movement_reminder', entityType: 'movement', entityId: movementId,
      params: { movement: row.name, message: input.message }, at: ctx.now,
    });
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'movement.remind', entityType: 'movement', entityId: movementId,
      organisationPath: row.organisation_path, changes: { organisationId: org.id, message: input.message }, requestId: ctx.requestId, at: ctx.now,
    });
  });
}

export interface UnitResponse {
  organisation: { id: string; name: string };
  responsePlan: { state: ResponseState; movementId: string | null; issuedOn: string | null };
  registration: { state: ResponseState; registeredAt: Date | null };
  lastReminderAt: Date | null;
}

/**
 * Each unit directly below the issuer that is expected to respond, with the state of its response plan and its
 * registration at `now`. The units are those that existed when the response was due (districts abolished in 2025
 * still owe their 2019 plans; communes created in 2025 owed nothing in 2023).
 */
export async function unitResponses(db: Db, movement: MovementRow, now: Date) {
  const phases = await phasesOf(db, movement.tenant_id, movement.id);
  const due = (kind: string) => phases.find((p) => p.kind === kind)?.due_on ?? null;
  const responsePlanDue = due('response_plan');
  const registrationDue = due('registration');
  const today = todayInVietnam(now);
  const asOf = responsePlanDue ?? movement.issued_on ?? movement.period_start;
  const rows = await responsesTo(db, movement.tenant_id, movement, asOf < today ? asOf : today);
  const units = rows.map((r): UnitResponse => {
    const responded = r.child_status === 'issued' || r.child_status === 'closed';
    return {
      organisation: { id: r.id, name: r.name },
      responsePlan: { state: responseState(responsePlanDue, responded ? r.child_updated_at : null, now), movementId: r.child_id,
        issuedOn: responded ? r.child_issued_on : null },
      registration: { state: responseState(registrationDue, r.registered_at, now), registeredAt: r.registered_at },
      lastReminderAt: r.last_reminder_at ? new Date(r.last_reminder_at as unknown as string) : null,
    };
  });
  return { responsePlanDue, registrationDue, units };
}

/** Overdue on its response plan or its registration, and not reminded yet on `today` (Asia/Ho_Chi_Minh). */
export function owesReminder(u: UnitResponse, today: string): boolean {
  const overdue = u.responsePlan.state === 'overdue' || u.registration.state === 'overdue';
  return overdue && (u.lastReminderAt === null || todayInVietnam(u.lastReminderAt) !== today);
}

/**
 * "Nhắc tất cả đơn vị quá hạn": one reminder to every unit overdue on its response plan or registration, in one
 * transaction with one audit row naming them. A unit already reminded today (by this or by its own button) is
 * left out, so a second click the same day sends nothing twice; the movement's row lock makes two clicks at once
 * queue, and the second reads the first one's reminders.
 */
export async function remindOverdue(ctx: CommandContext, movementId: string, input: { message: string }) {
  const { db, actor } = ctx;
  const row = await writableMovement(ctx, movementId, 'movement.write');
  const today = todayInVietnam(ctx.now);
  return db.transaction().execute(async (trx) => {
    await lockMovement(trx, actor.tenantId, movementId);
    const { units } = await unitResponses(trx, row, ctx.now);
    const due = units.filter((u) => owesReminder(u, today));
    const already = units.filter((u) => (u.responsePlan.state === 'overdue' || u.registration.state === 'overdue') && !owesReminder(u, today));
    if (due.length === 0) return { reminded: 0, alreadyToday: already.length };
    await trx.insertInto('movement_reminders').values(due.map((u, i) => ({
      tenant_id: actor.tenantId, id: uuidv7(ctx.now.getTime() + i), movement_id: movementId, organisation_id: u.organisation.id, phase_id: null,
      message: input.message, sent_by: actor.userId, sent_at: ctx.now,
    }))).execute();
    for (const u of due) {
      // the unit's own officers and head see it in the bell, and by e-mail if they asked for it
      const officers = await holdersAt(trx, actor.tenantId, ['unit_officer', 'unit_head'], u.organisation.id);
      await notify(trx, officers, {
        tenantId: actor.tenantId, topic: 'movement_reminder', entityType: 'movement', entityId: movementId,
        params: { movement: row.name, message: input.message }, at: ctx.now,
      });
    }
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'movement.remind_overdue', entityType: 'movement', entityId: movementId,
      organisationPath: row.organisation_path, requestId: ctx.requestId, at: ctx.now,
      changes: { organisations: due.map((u) => u.organisation.name), count: due.length, message: input.message },
    });
    return { reminded: due.length, alreadyToday: already.length };
  });
}

/** The plan as the official document: the issuer and the body above it head the page. */
export async function movementOfficialDocument(db: Db, actor: Actor, id: string): Promise<OfficialDocument> {
  const m = await visibleMovement(db, actor, id);
  const issuer = (await findOrganisation(db, actor.tenantId, m.organisation_id))!;
  const [parentOrg, phases, forms] = await Promise.all([
    issuer.parent_id ? findOrganisation(db, actor.tenantId, issuer.parent_id) : undefined,
    phasesOf(db, actor.tenantId, m.id),
    formsSeenBy(db, actor.tenantId).select(['code', 'name']).execute(),
  ]);
  return movementDocument({
    name: m.name, slogan: m.slogan, documentNumber: m.document_number, documentSymbol: m.document_symbol, place: m.place,
    issuedOn: m.issued_on, periodStart: m.period_start, periodEnd: m.period_end, plan: planOf(m),
    phases: phases.map((p) => ({ kind: p.kind, title: p.title, startsOn: p.starts_on, dueOn: p.due_on, dueFrom: p.due_from,
      outline: p.outline as { title: string; points: string[] }[] | null })),
    issuer: { name: issuer.name },
    issuerParent: parentOrg ? { name: parentOrg.name, shortName: parentOrg.short_name } : null,
    awardFormNames: new Map(forms.map((f) => [f.code, f.name])),
  });
}
