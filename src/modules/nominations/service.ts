import type { Kysely } from 'kysely';
import type { Database, DocumentKind, NominationKind } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { assertCan, canReach, reachablePaths, type Actor, type Permission } from '../../platform/auth/policy.ts';
import type { Locale } from '../../platform/i18n/messages.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { textSortKey } from '../../platform/vn/sort.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { findOrganisation } from '../organisations/index.ts';
import { employerOn, findPerson } from '../people/index.ts';
import { visibleMovement } from '../movements/index.ts';
import { planOf } from '../movements/index.ts';
import type { Award } from '../movements/index.ts';
import { candidateEligibility } from './eligibility.ts';
import { batchTitle, recipientOf, type CandidateKind } from './model.ts';
import { batchTitlesOf, findBatch, findCandidate, type BatchRow } from './store.ts';
import { batchEditable, type Where } from './workflow.ts';
import { offeredForm, seenForm } from '../awards/index.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';

type Db = Kysely<Database>;

/** The tenant's root organisation path ('/<root>/'): where provincial awards are decided. */
export const rootPathOf = (path: string) => `/${path.split('/')[1]}/`;

/** Where the award is decided: Giấy khen by the head of the receiving level; provincial forms at the top. */
export function authorityPath(batch: Pick<BatchRow, 'award_form_level' | 'receiving_path'>): string {
  return batch.award_form_level === 'base' ? batch.receiving_path : rootPathOf(batch.receiving_path);
}

/**
 * The form is beyond the receiving level's authority: someone above it decides (a district receiving a
 * provincial Bằng khen). The province's own Bằng khen, received by the province, is within its authority.
 */
export function beyondAuthority(batch: Pick<BatchRow, 'award_form_level' | 'receiving_path'>): boolean {
  return authorityPath(batch) !== batch.receiving_path;
}

/** The workflow's named guards (workflow.ts `guard`), as they apply to a batch. */
export function guardHolds(guard: string | undefined, batch: Pick<BatchRow, 'award_form_level' | 'receiving_path'>): boolean {
  return guard !== 'beyond_authority' || beyondAuthority(batch);
}

export function pathFor(batch: Pick<BatchRow, 'organisation_path' | 'receiving_path' | 'award_form_level'>, where: Where): string {
  return where === 'unit' ? batch.organisation_path : where === 'receiving' ? batch.receiving_path : authorityPath(batch);
}

export function can(actor: Actor, permission: Permission, batch: BatchRow, where: Where): boolean {
  return canReach(actor, permission, pathFor(batch, where));
}

/**
 * A batch the actor may read, or 404: its own unit's (any state) or, once submitted, one its level
 * receives or decides.
 */
export async function visibleBatch(db: Db, actor: Actor, id: string): Promise<BatchRow> {
  const batch = await findBatch(db, actor.tenantId, id);
  if (!batch) throw notFound('nomination_batch');
  const own = canReach(actor, 'nomination.read', batch.organisation_path);
  const received = batch.status !== 'draft' && batch.status !== 'awaiting_head'
    && (canReach(actor, 'nomination.read', batch.receiving_path) || canReach(actor, 'nomination.read', authorityPath(batch)));
  if (!own && !received) throw notFound('nomination_batch');
  return batch;
}

export interface HistoryEntry { candidateId?: string | null; action: string; from: string; to: string; reason?: string }

/** The workflow's history row and the audit row, in the caller's transaction. */
export async function recordStep(trx: Db, ctx: CommandContext, batch: Pick<BatchRow, 'id' | 'organisation_path'>, step: HistoryEntry): Promise<void> {
  await trx.insertInto('nomination_events').values({
    tenant_id: ctx.actor.tenantId, id: uuidv7(ctx.now.getTime()), batch_id: batch.id, candidate_id: step.candidateId ?? null,
    action: step.action, from_status: step.from, to_status: step.to, reason: step.reason ?? '', actor_user_id: ctx.actor.userId, at: ctx.now,
  }).execute();
  await recordAudit(trx, {
    tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: `nomination.${step.action}`,
    entityType: step.candidateId ? 'nomination_candidate' : 'nomination_batch', entityId: step.candidateId ?? batch.id,
    organisationPath: batch.organisation_path,
    changes: { batchId: batch.id, status: [step.from, step.to], ...(step.reason ? { reason: step.reason } : {}) },
    requestId: ctx.requestId, at: ctx.now,
  });
}

export interface NewBatch {
  organisationId: string;
  kind: NominationKind;
  movementId?: string | null | undefined;
  awardItemId?: string | null | undefined;
  awardForm?: string | undefined;
  receivingOrganisationId?: string | undefined;
  year?: number | undefined;
  title?: string | undefined;
}

/** The plan's award item a batch answers, or 404. */
export function awardItemOf(plan: { awards: Award[] }, awardItemId: string): Award {
  const award = plan.awards.find((a) => a.id === awardItemId);
  if (!award) throw notFound('award_item');
  return award;
}

/**
 * A new batch in draft. For a movement's award the receiving level is the movement's organisation and
 * the nominating unit must lie under it; otherwise the unit proposes to itself or a level above it.
 */
export async function createBatch(ctx: CommandContext, input: NewBatch): Promise<string> {
  const { db, actor } = ctx;
  const unit = await findOrganisation(db, actor.tenantId, input.organisationId);
  if (!unit || !canReach(actor, 'nomination.read', unit.path)) throw notFound('organisation');
  assertCan(actor, 'nomination.write', unit.path);
  const today = todayInVietnam(ctx.now);
  let receivingId = input.receivingOrganisationId ?? unit.id;
  let awardForm = input.awardForm;
  let title = input.title?.trim() ?? '';
  let movementName: string | null = null;
  if (input.movementId) {
    const movement = await visibleMovement(db, actor, input.movementId);
    if (movement.status !== 'issued') throw new AppError('nomination.movement_not_issued', 409);
    if (!unit.path.startsWith(movement.organisation_path)) throw new AppError('nomination.unit_outside_movement', 422);
    if (!input.awardItemId) throw new AppError('nomination.award_item_required', 400);
    const award = awardItemOf(planOf(movement), input.awardItemId);
    awardForm = award.awardForm;
    receivingId = movement.organisation_id;
    movementName = movement.name;
  }
  if (!awardForm) throw new AppError('nomination.award_form_required', 400);
  const form = await seenForm(db, actor.tenantId, awardForm);
  if (!form) throw notFound('award_form');
  // a retired form keeps its history but takes no new nominations (migration 0031)
  if (!(await offeredForm(db, actor.tenantId, awardForm, today))) throw new AppError('catalogue.form_retired', 409, { form: form.name });
  const receiving = await findOrganisation(db, actor.tenantId, receivingId);
  if (!receiving || !unit.path.startsWith(receiving.path)) throw new AppError('nomination.receiving_not_above', 422);
  const id = uuidv7(ctx.now.getTime());
  const year = input.year ?? Number(today.slice(0, 4));
  await inTransaction(db, async (trx) => {
    if (!title) {
      title = batchTitle({ movementName, formName: form.name, year }, await batchTitlesOf(trx, actor.tenantId, { organisationId: unit.id, movementId: input.movementId ?? null, year }));
    }
    await trx.insertInto('nomination_batches').values({
      tenant_id: actor.tenantId, id, organisation_id: unit.id, receiving_organisation_id: receiving.id,
      movement_id: input.movementId ?? null, award_item_id: input.movementId ? input.awardItemId ?? null : null,
      award_form: form.code, kind: input.kind, year, title, status: 'draft',
      forwarded_from_batch_id: null, letter_number: '', submitted_at: null, submitted_by: null, receipt_number: null,
      created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    await recordStep(trx, ctx, { id, organisation_path: unit.path }, { action: 'create', from: 'draft', to: 'draft' });
  });
  return id;
}

export async function editableBatch(ctx: CommandContext, batchId: string): Promise<BatchRow> {
  const batch = await visibleBatch(ctx.db, ctx.actor, batchId);
  assertCan(ctx.actor, 'nomination.write', batch.organisation_path);
  if (!batchEditable(batch.status)) throw new AppError('nomination.not_editable', 409, { status: batch.status });
  return batch;
}

export interface CandidateInput {
  personId?: string | undefined;
  organisationId?: string | undefined;
  householdId?: string | undefined;
  achievement?: string | undefined;
}

interface Resolved { kind: CandidateKind; name: string; position: string; unitName: string; isLeader: boolean }

/**
 * Who the candidate is, as the unit may nominate them on the day: a person employed (today) in the
 * unit's subtree — the unit that manages their staffing and payroll nominates them —, a collective in the
 * subtree, or a household of it. Anyone else is out of the unit's reach.
 */
async function resolveCandidate(db: Db, tenantId: string, batch: BatchRow, input: CandidateInput, today: string): Promise<Resolved> {
  const inUnit = (path: string) => path.startsWith(batch.organisation_path);
  if (input.personId) {
    const person = await findPerson(db, tenantId, input.personId);
    if (!person) throw notFound('person');
    const employer = await employerOn(db, tenantId, person.id, today);
    if (!employer || !inUnit(employer.path)) throw new AppError('nomination.out_of_reach', 422, { name: person.full_name });
    return { kind: 'person', name: person.full_name, position: employer.position, unitName: employer.name, isLeader: employer.is_leader };
  }
  if (input.organisationId) {
    const org = await findOrganisation(db, tenantId, input.organisationId);
    if (!org) throw notFound('organisation');
    if (!inUnit(org.path) || (org.valid_to !== null && org.valid_to < today)) throw new AppError('nomination.out_of_reach', 422, { name: org.name });
    return { kind: 'collective', name: org.name, position: '', unitName: org.name, isLeader: false };
  }
  const household = await db.selectFrom('households as h')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'h.tenant_id').onRef('o.id', '=', 'h.organisation_id'))
    .select(['h.id', 'h.head_name', 'o.path', 'o.name']).where('h.tenant_id', '=', tenantId).where('h.id', '=', input.householdId!)
    .executeTakeFirst();
  if (!household) throw notFound('household');
  if (!inUnit(household.path)) throw new AppError('nomination.out_of_reach', 422, { name: household.head_name });
  return { kind: 'household', name: `Hộ gia đình ông/bà ${household.head_name}`, position: '', unitName: household.name, isLeader: false };
}


/** Adds a candidate to a draft (or returned) batch, with their eligibility as it stands today. */
export async function addCandidate(ctx: CommandContext, batchId: string, input: CandidateInput, locale: Locale): Promise<string> {
  const { db, actor } = ctx;
  const batch = await editableBatch(ctx, batchId);
  const today = todayInVietnam(ctx.now);
  const who = await resolveCandidate(db, actor.tenantId, batch, input, today);
  // the movement's plan, read once: which recipients its award takes, and its own criteria
  const plan = batch.movement_id ? planOf(await visibleMovement(db, actor, batch.movement_id)) : null;
  const recipients = plan && batch.award_item_id ? awardItemOf(plan, batch.award_item_id).recipients : null;
  if (recipients && !recipients.includes(recipientOf(who.kind))) {
    throw new AppError('nomination.recipient_not_in_plan', 422, { name: who.name });
  }
  const eligibility = who.kind === 'household'
    ? { status: 'attest' as const, source: 'none' as const, reasons: [] }
    : await candidateEligibility(db, actor.tenantId, { kind: who.kind, id: (input.personId ?? input.organisationId)! }, batch.award_form, batch.year, plan, locale, today);
  const id = uuidv7(ctx.now.getTime());
  await inTransaction(db, async (trx) => {
    await lockBatchRow(trx, batch);
    const duplicate = await trx.selectFrom('nomination_candidates').select('id').where('tenant_id', '=', actor.tenantId)
      .where('batch_id', '=', batch.id)
      .where(input.personId ? 'person_id' : input.organisationId ? 'organisation_id' : 'household_id', '=', (input.personId ?? input.organisationId ?? input.householdId)!)
      .executeTakeFirst();
    if (duplicate) throw new AppError('nomination.duplicate_candidate', 409, { name: who.name });
    await trx.insertInto('nomination_candidates').values({
      tenant_id: actor.tenantId, id, batch_id: batch.id, person_id: input.personId ?? null, organisation_id: input.organisationId ?? null,
      household_id: input.householdId ?? null, status: 'draft', name: who.name, name_fold: foldVietnamese(who.name),
      sort_key: textSortKey(who.name), position: who.position, unit_name: who.unitName, is_leader: who.isLeader,
      achievement: input.achievement?.trim() ?? '', eligibility: JSON.stringify(eligibility), note: '', source_candidate_id: null,
      award_id: null, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    await trx.updateTable('nomination_batches').set({ updated_at: ctx.now }).where('tenant_id', '=', actor.tenantId).where('id', '=', batch.id).execute();
    await recordStep(trx, ctx, batch, { candidateId: id, action: 'add_candidate', from: 'draft', to: 'draft' });
  });
  return id;
}

export async function lockBatchRow(trx: Db, batch: Pick<BatchRow, 'tenant_id' | 'id' | 'status'>) {
  const row = await trx.selectFrom('nomination_batches').select('status').where('tenant_id', '=', batch.tenant_id).where('id', '=', batch.id)
    .forUpdate().executeTakeFirstOrThrow();
  if (!batchEditable(row.status)) throw new AppError('nomination.not_editable', 409, { status: row.status });
}

/** Changes a candidate's achievement summary; made from an older version of the candidate, refused (409 edit.stale) with nothing changed. */
export async function updateCandidate(ctx: CommandContext, batchId: string, candidateId: string,
  input: { achievement: string; version?: number | undefined }): Promise<void> {
  const batch = await editableBatch(ctx, batchId);
  const candidate = await findCandidate(ctx.db, ctx.actor.tenantId, batch.id, candidateId);
  if (!candidate) throw notFound('nomination_candidate');
  await ctx.db.transaction().execute(async (trx) => {
    await lockBatchRow(trx, batch);
    const locked = await trx.selectFrom('nomination_candidates').select('version').where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', candidate.id).forUpdate().executeTakeFirstOrThrow();
    assertCurrentVersion(input.version, locked.version);
    await trx.updateTable('nomination_candidates').set({ achievement: input.achievement.trim(), updated_at: ctx.now, version: nextVersion() })
      .where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', candidate.id).execute();
    await recordStep(trx, ctx, batch, { candidateId: candidate.id, action: 'edit_candidate', from: candidate.status, to: candidate.status });
  });
}

/** A candidate leaves a batch only while it is a draft one (never submitted): nothing sent up is lost. */
export async function removeCandidate(ctx: CommandContext, batchId: string, candidateId: string): Promise<void> {
  const batch = await editableBatch(ctx, batchId);
  const candidate = await findCandidate(ctx.db, ctx.actor.tenantId, batch.id, candidateId);
  if (!candidate) throw notFound('nomination_candidate');
  // a draft again after a recall was sent up once: it is withdrawn (with a reason), not erased
  const sent = await ctx.db.selectFrom('nomination_events').select('id').where('tenant_id', '=', ctx.actor.tenantId)
    .where('batch_id', '=', batch.id).where('candidate_id', '=', candidate.id).where('action', '=', 'submit').executeTakeFirst();
  if (candidate.status !== 'draft' || sent) throw new AppError('nomination.candidate_sent', 409, { name: candidate.name });
  await ctx.db.transaction().execute(async (trx) => {
    await lockBatchRow(trx, batch);
    await trx.deleteFrom('nomination_documents').where('tenant_id', '=', ctx.actor.tenantId).where('candidate_id', '=', candidate.id).execute();
    await trx.deleteFrom('nomination_candidates').where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', candidate.id).execute();
    await recordStep(trx, ctx, batch, { action: 'remove_candidate', from: 'draft', to: 'draft', reason: candidate.name });
  });
}

export interface StoredFile { sha256: string; name: string; size: number }

/** Files a signed scan (already stored by hash) as one document of the dossier; a previous one is kept as replaced. */
export async function attachDocument(ctx: CommandContext, batchId: string, kind: DocumentKind,
  candidateId: string | null, file: StoredFile): Promise<string> {
  const batch = await editableBatch(ctx, batchId);
  if (candidateId && !(await findCandidate(ctx.db, ctx.actor.tenantId, batch.id, candidateId))) throw notFound('nomination_candidate');
  const id = uuidv7(ctx.now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await lockBatchRow(trx, batch);
    let replace = trx.updateTable('nomination_documents').set({ replaced_at: ctx.now })
      .where('tenant_id', '=', ctx.actor.tenantId).where('batch_id', '=', batch.id).where('kind', '=', kind).where('replaced_at', 'is', null);
    replace = candidateId ? replace.where('candidate_id', '=', candidateId) : replace.where('candidate_id', 'is', null);
    await replace.execute();
    await trx.insertInto('nomination_documents').values({
      tenant_id: ctx.actor.tenantId, id, batch_id: batch.id, candidate_id: candidateId, kind, sha256: file.sha256, name: file.name,
      size: file.size, uploaded_by: ctx.actor.userId, uploaded_at: ctx.now, replaced_at: null,
    }).execute();
    await recordStep(trx, ctx, batch, { candidateId, action: 'attach_document', from: batch.status, to: batch.status, reason: `${kind}: ${file.name}` });
  });
  return id;
}

/** The batches the actor sees: its units' own, and those its level receives. */
export function listScope(actor: Actor) {
  return { unitPrefixes: reachablePaths(actor, 'nomination.read'), receivingPrefixes: reachablePaths(actor, 'nomination.read') };
}

