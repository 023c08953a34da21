import type { Kysely } from 'kysely';
import type { CandidateStatus, Database, DocumentKind } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { formatDate, todayInVietnam } from '../../platform/vn/dates.ts';
import { findOrganisation } from '../organisations/index.ts';
import { findMovement, phasesOf, planOf } from '../movements/index.ts';
import { actorsFor, notify } from '../notifications/index.ts';
import {
  DOCUMENT_NAMES, missingDocuments, quotaExcess, quotaScope, receiptNumber, requiredDocuments,
  submissionWindow, unsuppliedRequests, windowState, type MissingDocument, type QuotaExcess,
} from './model.ts';
import {
  candidateKind, candidatesOf, documentsOf, findBatch, inSubmissionTransaction, nextReceiptSequence, quotaCount, type BatchRow, type CandidateRow,
} from './store.ts';
import { awardItemOf, beyondAuthority, can, editableBatch, lockBatchRow, recordStep, rootPathOf, visibleBatch } from './service.ts';
import type { CandidateEligibility } from './eligibility.ts';
import { assertTransition } from '../../platform/workflow.ts';
import { BATCH_TRANSITIONS, CANDIDATE_TRANSITIONS, candidateTransition, FINAL_CANDIDATE, type BatchAction, type CandidateAction } from './workflow.ts';
import { nextVersion } from '../../platform/versions.ts';

type Db = Kysely<Database>;

/** The batch's transition for the action, allowed for this actor, or 409 / 403. */
function allowed(actor: Actor, batch: BatchRow, action: BatchAction) {
  const t = assertTransition(BATCH_TRANSITIONS, batch.status, action, { code: 'nomination.transition' });
  if (!can(actor, t.permission, batch, t.where)) throw new AppError('forbidden', 403);
  return t;
}

async function setBatchStatus(trx: Db, ctx: CommandContext, batch: BatchRow, action: BatchAction, to: BatchRow['status'], reason = '', extra: Partial<{
  submitted_at: Date | null; submitted_by: string | null; receipt_number: string | null;
}> = {}) {
  const updated = await trx.updateTable('nomination_batches').set({ status: to, updated_at: ctx.now, version: nextVersion(), ...extra })
    .where('tenant_id', '=', batch.tenant_id).where('id', '=', batch.id).where('status', '=', batch.status).executeTakeFirst();
  // someone else moved the batch meanwhile: refuse rather than act on a stale state
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('nomination.changed_meanwhile', 409);
  await recordStep(trx, ctx, batch, { action, from: batch.status, to, reason });
}

type CandidateExtra = Partial<{ note: string; award_id: string; requested_document: DocumentKind | null; requested_at: Date | null }>;

export async function setCandidateStatus(trx: Db, ctx: CommandContext, batch: Pick<BatchRow, 'id' | 'organisation_path'>, candidate: CandidateRow,
  action: CandidateAction, to: CandidateStatus, reason = '', extra: CandidateExtra = {}) {
  const updated = await trx.updateTable('nomination_candidates').set({ status: to, updated_at: ctx.now, version: nextVersion(), ...extra })
    .where('tenant_id', '=', candidate.tenant_id).where('id', '=', candidate.id).where('status', '=', candidate.status).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('nomination.changed_meanwhile', 409);
  await recordStep(trx, ctx, batch, { candidateId: candidate.id, action, from: candidate.status, to, reason });
}

/** Moves one candidate by the state machine, checking who may; for the council and decision modules. */
export async function moveCandidate(trx: Db, ctx: CommandContext, batch: BatchRow, candidate: CandidateRow, action: CandidateAction,
  reason = '', extra: CandidateExtra = {}) {
  const t = assertTransition(CANDIDATE_TRANSITIONS, candidate.status, action,
    { code: 'nomination.candidate_transition', params: { name: candidate.name, action, status: candidate.status } });
  if (!can(ctx.actor, t.permission, batch, t.where)) throw new AppError('forbidden', 403);
  await setCandidateStatus(trx, ctx, batch, candidate, action, t.to, reason, extra);
}

/** What would stop a submission now: the window, the dossier, the quotas. Empty when it may go. */
export async function submissionProblems(db: Db, batch: BatchRow, candidates: CandidateRow[], today: string) {
  const movement = batch.movement_id ? await findMovement(db, batch.tenant_id, batch.movement_id) : undefined;
  const plan = movement ? planOf(movement) : null;
  const award = plan && batch.award_item_id ? awardItemOf(plan, batch.award_item_id) : null;
  const window = submissionWindow(award, movement ? await phasesOf(db, batch.tenant_id, movement.id) : [], today);
  const state = windowState(window, today);
  const going = candidates.filter((c) => c.status === 'draft' || c.status === 'returned');
  const docs = await documentsOf(db, batch.tenant_id, batch.id);
  const present = docs.map((d) => ({ kind: d.kind, candidateId: d.candidate_id, uploadedAt: d.uploaded_at }));
  const required = missingDocuments(requiredDocuments(batch.award_form_level, batch.kind), going.map((c) => ({ id: c.id, kind: candidateKind(c) })), present);
  const requested = unsuppliedRequests(going.map((c) => ({ id: c.id, status: c.status, requestedDocument: c.requested_document, requestedAt: c.requested_at })), present)
    .filter((r) => !required.some((m) => m.kind === r.kind && m.candidateId === r.candidateId));
  const missing = [...required, ...requested];
  const over: QuotaExcess[] = [];
  if (award && movement) {
    const paths = new Map<string, string>();
    for (const q of award.quotas) for (const id of q.appliesTo.organisationIds) {
      const org = await findOrganisation(db, batch.tenant_id, id);
      if (org) paths.set(id, org.path);
    }
    for (const quota of award.quotas) {
      const scope = quotaScope(quota, { id: batch.organisation_id, path: batch.organisation_path }, (id) => paths.get(id));
      if (!scope) continue;
      // already spent by submitted batches under the scope, plus this batch's drafts
      over.push(...quotaExcess(quota, await quotaCount(db, batch.tenant_id, movement.id, award.id, scope, batch.id)));
    }
  }
  // a returned batch whose only returned candidate was withdrawn still goes back with its accepted ones
  return { window, windowState: state, missing, over, empty: going.length === 0 && !candidates.some((c) => c.status === 'accepted') };
}

async function candidatesLocked(trx: Db, batch: BatchRow) {
  return candidatesOf(trx, batch.tenant_id, batch.id);
}

/**
 * The unit's head approves and submits: inside the window, with every document, within every quota
 * (checked under the tenant's submission lock, so two units submitting at the same instant cannot both
 * pass a shared quota). The submitter gets a receipt number.
 */
export async function submitBatch(ctx: CommandContext, batchId: string): Promise<{ receiptNumber: string }> {
  const batch = await visibleBatch(ctx.db, ctx.actor, batchId);
  allowed(ctx.actor, batch, 'submit');
  const today = todayInVietnam(ctx.now);
  return inSubmissionTransaction(ctx.db, batch.tenant_id, async (trx) => {
    const fresh = (await findBatch(trx, batch.tenant_id, batch.id))!;
    allowed(ctx.actor, fresh, 'submit');
    const candidates = await candidatesLocked(trx, fresh);
    const problems = await submissionProblems(trx, fresh, candidates, today);
    if (problems.windowState === 'closed') throw new AppError('nomination.window_closed', 409, { closes: formatDate(problems.window.closes!) });
    if (problems.windowState === 'not_open') throw new AppError('nomination.window_not_open', 409, { opens: formatDate(problems.window.opens!) });
    if (problems.empty) throw new AppError('nomination.no_candidates', 422);
    if (problems.missing.length) throw new AppError('nomination.incomplete', 422, { count: problems.missing.length }, problems.missing);
    if (problems.over.length) {
      const o = problems.over[0]!;
      throw new AppError('nomination.over_quota', 409, { limit: o.limit, count: o.count, label: o.label }, problems.over);
    }
    const receipt = receiptNumber(Number(today.slice(0, 4)), await nextReceiptSequence(trx, fresh.tenant_id, Number(today.slice(0, 4))));
    await setBatchStatus(trx, ctx, fresh, 'submit', 'submitted', '', { submitted_at: ctx.now, submitted_by: ctx.actor.userId, receipt_number: receipt });
    for (const c of candidates.filter((x) => x.status === 'draft' || x.status === 'returned')) {
      await setCandidateStatus(trx, ctx, fresh, c, 'submit', 'submitted');
    }
    await notify(trx, await actorsFor(trx, fresh.tenant_id, 'standing_officer', fresh.receiving_path), {
      tenantId: fresh.tenant_id, topic: 'batch_submitted', entityType: 'nomination_batch', entityId: fresh.id,
      params: { title: fresh.title, unit: fresh.organisation_name, receipt }, at: ctx.now,
    });
    return { receiptNumber: receipt };
  });
}

/** The simple moves of a batch: ask the head, send back, open appraisal. */
export async function moveBatch(ctx: CommandContext, batchId: string, action: 'request_approval' | 'send_back' | 'open_appraisal', reason = ''): Promise<void> {
  const batch = await visibleBatch(ctx.db, ctx.actor, batchId);
  const t = allowed(ctx.actor, batch, action);
  if (action === 'send_back' && !reason.trim()) throw new AppError('nomination.reason_required', 400);
  await ctx.db.transaction().execute(async (trx) => {
    if (action === 'request_approval' && (await candidatesOf(trx, batch.tenant_id, batch.id)).length === 0) {
      throw new AppError('nomination.no_candidates', 422);
    }
    // sent to the head knowingly incomplete: the history says what was missing (the head reads it before submitting)
    const stated = action === 'request_approval' ? await missingStated(trx, batch, todayInVietnam(ctx.now)) : reason;
    await setBatchStatus(trx, ctx, batch, action, t.to, stated);
    const [role, path, topic] = action === 'request_approval' ? ['unit_head', batch.organisation_path, 'batch_awaiting_head'] as const
      : action === 'send_back' ? ['unit_officer', batch.organisation_path, 'batch_sent_back'] as const : [null, '', ''] as const;
    if (role) {
      const users = await actorsFor(trx, batch.tenant_id, role, path);
      await notify(trx, action === 'send_back' && batch.created_by ? [...users, batch.created_by] : users, {
        tenantId: batch.tenant_id, topic, entityType: 'nomination_batch', entityId: batch.id, params: { title: batch.title, reason }, at: ctx.now,
      });
    }
  });
}

/** "Báo cáo thành tích (Nguyễn Văn An); Biên bản họp xét": the missing documents in the dossier's words. */
export function describeMissing(missing: MissingDocument[], candidates: Pick<CandidateRow, 'id' | 'name'>[]): string {
  return missing.map((m) => {
    const name = m.candidateId ? candidates.find((c) => c.id === m.candidateId)?.name : undefined;
    return name ? `${DOCUMENT_NAMES[m.kind]} (${name})` : DOCUMENT_NAMES[m.kind];
  }).join('; ');
}

async function missingStated(trx: Db, batch: BatchRow, today: string): Promise<string> {
  const candidates = await candidatesOf(trx, batch.tenant_id, batch.id);
  const { missing } = await submissionProblems(trx, batch, candidates, today);
  return missing.length ? `Hồ sơ còn thiếu: ${describeMissing(missing, candidates)}` : '';
}

export type Verdict = 'accept' | 'return' | 'reject';

/**
 * One appraisal verdict on one candidate; returning or rejecting needs a reason the unit will read, and a
 * return may name the document to supply. Accepting a candidate the eligibility check found not to
 * qualify needs a reason too: the appraisal departs from the criteria (Law 2022 art. 84), and says why.
 */
export async function giveVerdict(ctx: CommandContext, batchId: string, candidateId: string, verdict: Verdict, reason: string,
  documentKind?: DocumentKind): Promise<void> {
  const batch = await visibleBatch(ctx.db, ctx.actor, batchId);
  if (batch.status !== 'under_appraisal') throw new AppError('nomination.not_under_appraisal', 409, { status: batch.status });
  if (verdict !== 'accept' && !reason.trim()) throw new AppError('nomination.reason_required', 400);
  if (documentKind && verdict !== 'return') throw new AppError('nomination.document_kind_for_return', 400);
  await ctx.db.transaction().execute(async (trx) => {
    const candidate = (await candidatesOf(trx, batch.tenant_id, batch.id)).find((c) => c.id === candidateId);
    if (!candidate) throw notFound('nomination_candidate');
    const unmet = (candidate.eligibility as CandidateEligibility | null)?.status === 'unmet';
    if (verdict === 'accept' && unmet && !reason.trim()) throw new AppError('nomination.reason_required_ineligible', 400, { name: candidate.name });
    const asked = verdict === 'return' ? { requested_document: documentKind ?? null, requested_at: ctx.now } : {};
    await moveCandidate(trx, ctx, batch, candidate, verdict, reason.trim(), { note: reason.trim(), ...asked });
  });
}

/**
 * The unit's head takes a submitted batch back (thu hồi) before the receiving level opens appraisal: the
 * batch and its submitted candidates return to draft, the quota places are freed, the receiving level is told.
 */
export async function recallBatch(ctx: CommandContext, batchId: string, reason: string): Promise<void> {
  const batch = await visibleBatch(ctx.db, ctx.actor, batchId);
  if (['under_appraisal', 'returned', 'accepted', 'decided'].includes(batch.status)) {
    throw new AppError('nomination.recall_after_appraisal', 409, { receiving: batch.receiving_name });
  }
  allowed(ctx.actor, batch, 'recall');
  if (!reason.trim()) throw new AppError('nomination.reason_required', 400);
  if (batch.forwarded_from_batch_id) throw new AppError('nomination.recall_forwarded', 409);
  await ctx.db.transaction().execute(async (trx) => {
    // the status is compared in the update: an appraisal opened meanwhile refuses the recall (409)
    await setBatchStatus(trx, ctx, batch, 'recall', 'draft', reason.trim(), { submitted_at: null, submitted_by: null, receipt_number: null });
    for (const c of (await candidatesOf(trx, batch.tenant_id, batch.id)).filter((x) => x.status === 'submitted')) {
      await setCandidateStatus(trx, ctx, batch, c, 'recall', 'draft');
    }
    await notify(trx, await actorsFor(trx, batch.tenant_id, 'standing_officer', batch.receiving_path), {
      tenantId: batch.tenant_id, topic: 'batch_recalled', entityType: 'nomination_batch', entityId: batch.id,
      params: { title: batch.title, unit: batch.organisation_name, receipt: batch.receipt_number ?? '', reason: reason.trim() }, at: ctx.now,
    });
  });
}

/** The unit withdraws (rút) a candidate while the batch is with it; the reason stays in the history. */
export async function withdrawCandidate(ctx: CommandContext, batchId: string, candidateId: string, reason: string): Promise<void> {
  const batch = await editableBatch(ctx, batchId);
  if (!reason.trim()) throw new AppError('nomination.reason_required', 400);
  await ctx.db.transaction().execute(async (trx) => {
    await lockBatchRow(trx, batch);
    const candidate = (await candidatesOf(trx, batch.tenant_id, batch.id)).find((c) => c.id === candidateId);
    if (!candidate) throw notFound('nomination_candidate');
    await moveCandidate(trx, ctx, batch, candidate, 'withdraw', reason.trim(), { note: reason.trim() });
  });
}

/**
 * Ends the appraisal: back to the unit when any candidate was returned for supplement (the others keep
 * their verdict), else accepted — the accepted candidates then go to the council or the decision.
 */
export async function finishAppraisal(ctx: CommandContext, batchId: string): Promise<'returned' | 'accepted'> {
  const batch = await visibleBatch(ctx.db, ctx.actor, batchId);
  allowed(ctx.actor, batch, 'accept');
  return ctx.db.transaction().execute(async (trx) => {
    const candidates = await candidatesOf(trx, batch.tenant_id, batch.id);
    const pending = candidates.filter((c) => c.status === 'submitted');
    if (pending.length) throw new AppError('nomination.verdicts_missing', 409, { count: pending.length });
    const returned = candidates.filter((c) => c.status === 'returned');
    const to = returned.length ? 'returned' : 'accepted';
    await setBatchStatus(trx, ctx, batch, to === 'returned' ? 'return' : 'accept', to,
      returned.map((c) => `${c.name}: ${c.note}`).join('; '));
    const officers = await actorsFor(trx, batch.tenant_id, 'unit_officer', batch.organisation_path);
    await notify(trx, batch.created_by ? [...officers, batch.created_by] : officers, {
      tenantId: batch.tenant_id, topic: to === 'returned' ? 'batch_returned' : 'batch_accepted', entityType: 'nomination_batch', entityId: batch.id,
      params: { title: batch.title, count: returned.length }, at: ctx.now,
    });
    return to;
  });
}

/**
 * Closes a batch whose every candidate has reached its end at this level. `reason` says what happened when it
 * was not a decision (a failed vote: "Không đạt biểu quyết của Hội đồng: 2/5 đồng ý"), and the batch's status
 * shows it rather than a bare "done" (issue 17.5).
 */
export async function closeIfDone(trx: Db, ctx: CommandContext, batchId: string, reason = ''): Promise<void> {
  const batch = (await findBatch(trx, ctx.actor.tenantId, batchId))!;
  if (batch.status !== 'accepted') return;
  const candidates = await candidatesOf(trx, batch.tenant_id, batch.id);
  if (candidates.every((c) => FINAL_CANDIDATE.includes(c.status))) {
    await setBatchStatus(trx, ctx, batch, 'close', 'decided', reason);
  }
}

/**
 * Sends accepted (or voted) candidates beyond this level's authority up the tree: a new batch from the
 * receiving level to the top of the tenant, already submitted, carrying the candidates and their dossier.
 */
export async function forwardCandidates(ctx: CommandContext, batchId: string, candidateIds: string[]): Promise<string> {
  const batch = await visibleBatch(ctx.db, ctx.actor, batchId);
  // the same guard that offers the step (workflow.ts): within this level's authority it is decided here
  if (!beyondAuthority(batch)) throw new AppError('nomination.within_authority', 409, { form: batch.award_form_name });
  const targetPath = rootPathOf(batch.receiving_path);
  const target = await ctx.db.selectFrom('organisations').select(['id', 'name', 'path']).where('tenant_id', '=', batch.tenant_id)
    .where('path', '=', targetPath).executeTakeFirstOrThrow();
  const today = todayInVietnam(ctx.now);
  const id = uuidv7(ctx.now.getTime());
  await inSubmissionTransaction(ctx.db, batch.tenant_id, async (trx) => {
    const all = await candidatesOf(trx, batch.tenant_id, batch.id);
    const chosen = candidateIds.map((cid) => all.find((c) => c.id === cid) ?? (() => { throw notFound('nomination_candidate'); })());
    if (chosen.length === 0) throw new AppError('nomination.no_candidates', 422);
    for (const c of chosen) if (!candidateTransition(c.status, 'forward')) {
      throw new AppError('nomination.candidate_transition', 409, { name: c.name, action: 'forward', status: c.status });
    }
    const parentMovement = batch.movement_id ? await findMovement(trx, batch.tenant_id, batch.movement_id) : undefined;
    const receipt = receiptNumber(Number(today.slice(0, 4)), await nextReceiptSequence(trx, batch.tenant_id, Number(today.slice(0, 4))));
    await trx.insertInto('nomination_batches').values({
      tenant_id: batch.tenant_id, id, organisation_id: batch.receiving_organisation_id, receiving_organisation_id: target.id,
      movement_id: parentMovement?.parent_movement_id ?? null, award_item_id: null, award_form: batch.award_form, kind: batch.kind, year: batch.year,
      title: batch.title, status: 'submitted', forwarded_from_batch_id: batch.id, letter_number: '', submitted_at: ctx.now,
      submitted_by: ctx.actor.userId, receipt_number: receipt, created_by: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    const upper = { id, organisation_path: batch.receiving_path };
    await recordStep(trx, ctx, upper, { action: 'forwarded_in', from: 'submitted', to: 'submitted', reason: batch.receiving_name });
    const docs = await documentsOf(trx, batch.tenant_id, batch.id);
    for (const c of chosen) {
      await moveCandidate(trx, ctx, batch, c, 'forward', target.name);
      const copy = uuidv7(ctx.now.getTime());
      await trx.insertInto('nomination_candidates').values({
        ...c, id: copy, batch_id: id, status: 'submitted', note: '', source_candidate_id: c.id, award_id: null,
        eligibility: c.eligibility === null ? null : JSON.stringify(c.eligibility), created_at: ctx.now, updated_at: ctx.now,
      }).execute();
      await recordStep(trx, ctx, upper, { candidateId: copy, action: 'forwarded_in', from: 'submitted', to: 'submitted' });
      for (const d of docs.filter((x) => x.candidate_id === c.id)) {
        await trx.insertInto('nomination_documents').values({ ...d, id: uuidv7(ctx.now.getTime()), batch_id: id, candidate_id: copy }).execute();
      }
    }
    // the lower level's letter and minutes go up with its candidates
    for (const d of docs.filter((x) => x.candidate_id === null)) {
      await trx.insertInto('nomination_documents').values({ ...d, id: uuidv7(ctx.now.getTime()), batch_id: id }).execute();
    }
    await closeIfDone(trx, ctx, batch.id);
    await notify(trx, await actorsFor(trx, batch.tenant_id, 'standing_officer', target.path), {
      tenantId: batch.tenant_id, topic: 'batch_submitted', entityType: 'nomination_batch', entityId: id,
      params: { title: batch.title, unit: batch.receiving_name, receipt }, at: ctx.now,
    });
  });
  return id;
}

