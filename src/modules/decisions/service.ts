import { assertConsultationDone } from '../consultation/index.ts';
import { newVerificationCode, recordAwards, seenForm } from '../awards/index.ts';
import type { Insertable, Kysely } from 'kysely';
import type { AwardDecisionLinesTable, Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertCan, canReach, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { textSortKey } from '../../platform/vn/sort.ts';
import type { OfficialDocument } from '../../platform/documents/model.ts';
import { basisOn, loadCatalogue } from '../eligibility/index.ts';
import { findOrganisation } from '../organisations/index.ts';
import { loadMoneyTables, moneyFor } from '../eligibility/index.ts';
import { authorityPath, can, rootPathOf, visibleBatch } from '../nominations/index.ts';
import { findBatch, lockBatch, type BatchRow, type CandidateRow } from '../nominations/index.ts';
import { closeIfDone, moveCandidate } from '../nominations/index.ts';
import { procedureFor } from '../nominations/index.ts';
import { actorsFor, notify } from '../notifications/index.ts';
import { decisionDocument } from './document.ts';
import { assertDecisionStep, decidedBy, decisionNumber, decisionScope, type CandidateFacts, type DecisionScope, type Signer } from './model.ts';
import {
  candidatesByIds, decisionByKey, decisionsHolding, deleteLines, findDecision, insertLines, linesOf, listDecisions, lockDecision,
  openCandidates, originUnitPaths, type DecisionRow,
} from './store.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';
import { proposeNumber, releaseNumber, takeNumber } from '../../platform/documents/numbers.ts';

/**
 * Award decisions, the use cases: draft one from accepted (or voted) candidates with their money, edit
 * or delete the draft, issue it exactly once (awards written, candidates decided, batches closed, units
 * told), read it. Every write is one transaction with its audit row.
 */
type Db = Kysely<Database>;

export interface DraftInput {
  candidateIds: string[];
  number: number;
  symbol: string;
  signedOn: string;
  place?: string | undefined;
  signer: Signer;
  reason: string;
  budgetSource: string;
}

/** A decision the actor may read: the authority's level (its readers and deciders), else 404. */
export async function visibleDecision(db: Db, actor: Actor, id: string): Promise<DecisionRow> {
  const decision = await findDecision(db, actor.tenantId, id);
  if (!decision) throw notFound('award_decision');
  if (!canReach(actor, 'nomination.read', decision.authority_path) && !canReach(actor, 'decision.issue', decision.authority_path)) {
    throw notFound('award_decision');
  }
  return decision;
}

async function draftDecision(ctx: CommandContext, id: string, action: 'edit' | 'delete'): Promise<DecisionRow> {
  const decision = await visibleDecision(ctx.db, ctx.actor, id);
  assertCan(ctx.actor, 'decision.issue', decision.authority_path);
  assertDecisionStep(decision.status, action);
  return decision;
}

interface Gathered { scope: DecisionScope; candidates: CandidateRow[]; batches: Map<string, BatchRow>; authority: { id: string; path: string } }

/**
 * The chosen candidates, each in a batch the actor may read (else 404) and whose authority the actor
 * reaches with decision.issue (else 403), checked together by the model's rules.
 */
async function gather(db: Db, actor: Actor, ids: readonly string[], exceptDecisionId: string | null): Promise<Gathered> {
  const candidates = await candidatesByIds(db, actor.tenantId, [...new Set(ids)]);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const batches = new Map<string, BatchRow>();
  for (const id of ids) {
    const c = byId.get(id);
    if (!c) throw notFound('nomination_candidate');
    if (!batches.has(c.batch_id)) batches.set(c.batch_id, await visibleBatch(db, actor, c.batch_id));
  }
  for (const batch of batches.values()) {
    if (!can(actor, 'decision.issue', batch, 'authority')) throw new AppError('forbidden', 403);
  }
  const holding = await decisionsHolding(db, actor.tenantId, [...byId.keys()], exceptDecisionId);
  const votes = new Map<string, boolean>();
  for (const form of new Set([...batches.values()].map((b) => b.award_form))) votes.set(form, (await procedureFor(db, actor.tenantId, form)).councilVote);
  const subjects = new Set<string>();
  const facts: CandidateFacts[] = ids.map((id) => {
    const c = byId.get(id)!;
    const batch = batches.get(c.batch_id)!;
    if (batch.status !== 'accepted') throw new AppError('decision.batch_not_accepted', 409, { title: batch.title });
    const subject = c.person_id ?? c.organisation_id ?? c.household_id!;
    // one person (or collective) twice, from two batches: one achievement is not rewarded twice
    if (subjects.has(subject)) throw new AppError('decision.duplicate_candidate', 400);
    subjects.add(subject);
    const held = holding.get(c.id);
    return {
      id: c.id, name: c.name, status: c.status, household: c.household_id !== null, awardForm: batch.award_form,
      awardFormName: batch.award_form_name, kind: batch.kind, year: batch.year, authorityPath: authorityPath(batch),
      councilVote: votes.get(batch.award_form)!, onDecision: held ? decisionNumber(held.number, held.symbol) : null,
    };
  });
  const scope = decisionScope(facts);
  const authority = await db.selectFrom('organisations').select(['id', 'path']).where('tenant_id', '=', actor.tenantId)
    .where('path', '=', scope.authorityPath).executeTakeFirstOrThrow();
  return { scope, candidates: ids.map((id) => byId.get(id)!), batches, authority };
}

/** One line per candidate with the money in force on the signing date (money by the decision date: docs/legal/money.md#formula). */
async function buildLines(db: Db, tenantId: string, decisionId: string, g: Gathered, signedOn: string, at: Date) {
  const [catalogue, tables] = await Promise.all([loadCatalogue(db, tenantId), loadMoneyTables(db, tenantId)]);
  return g.candidates.map((c): Insertable<AwardDecisionLinesTable> => {
    const recipient = c.person_id ? 'individual' : 'collective';
    const money = moneyFor(tables, catalogue, g.scope.awardForm, recipient, signedOn);
    return {
      tenant_id: tenantId, id: uuidv7(at.getTime()), decision_id: decisionId, candidate_id: c.id, batch_id: c.batch_id,
      person_id: c.person_id, organisation_id: c.organisation_id, recipient, name: c.name, position: c.position, unit_name: c.unit_name,
      sort_key: c.sort_key || textSortKey(c.name), coefficient: money?.coefficient ?? null, base_salary: money?.baseSalary ?? null,
      amount: money?.amount ?? null, award_id: null,
    };
  });
}

function assertSigningYear(signedOn: string) {
  const year = Number(signedOn.slice(0, 4));
  if (year < 1945 || year > 2100) throw new AppError('decision.signed_year', 400, { min: 1945, max: 2100 });
  return year;
}

function decisionColumns(input: DraftInput, g: Gathered) {
  return {
    authority_organisation_id: g.authority.id, number: input.number, symbol: input.symbol.trim(), number_year: assertSigningYear(input.signedOn),
    place: input.place?.trim() ?? '', signed_on: input.signedOn, signer_authority: input.signer.authority,
    signer_authority_body: input.signer.authorityBody.trim(), signer_title: input.signer.title.trim(), signer_name: input.signer.name.trim(),
    award_form: g.scope.awardForm, basis: g.scope.basis, year: g.scope.year, reason: input.reason.trim(), budget_source: input.budgetSource.trim(),
  };
}

/** The decision's series in the register: its authority, symbol and signing year. */
function seriesOf(tenantId: string, input: Pick<DraftInput, 'symbol' | 'signedOn'>, authorityId: string) {
  return { tenantId, issuerId: authorityId, symbol: input.symbol.trim(), year: assertSigningYear(input.signedOn) };
}

/**
 * Takes the decision's number in the register, in the caller's transaction: a number its authority already gave that
 * year with that symbol (a plan, another decision, or one drafted at the same instant) is a 409 proposing the next.
 */
async function takeDecisionNumber(trx: Db, tenantId: string, input: DraftInput, authorityId: string, decisionId: string, at: Date) {
  const series = seriesOf(tenantId, input, authorityId);
  if (!await takeNumber(trx, { ...series, number: input.number }, { entityType: 'award_decision', entityId: decisionId }, at)) {
    throw new AppError('decision.number_taken', 409, {
      number: decisionNumber(input.number, series.symbol), year: series.year, next: await proposeNumber(trx, series),
    });
  }
}

/** The number the draft form proposes: one past the highest the candidate's deciding authority took with the symbol that year. */
export async function proposeDecisionNumber(db: Db, actor: Actor, q: { candidateId: string; symbol: string; year: number }) {
  const g = await gather(db, actor, [q.candidateId], null);
  const series = { tenantId: actor.tenantId, issuerId: g.authority.id, symbol: q.symbol, year: q.year };
  return { number: await proposeNumber(db, series), symbol: q.symbol, year: q.year };
}

/** A unique index said no: two people drafting at the same instant. Said in the domain's words. */
function uniqueConflict(error: unknown): never {
  const e = error as { code?: string; constraint?: string };
  if (e.code === '23505' && e.constraint === 'award_decisions_number') throw new AppError('decision.number_taken', 409, { number: '', year: '', next: '' });
  if (e.code === '23505' && e.constraint === 'award_decision_lines_candidate') throw new AppError('decision.already_on_decision', 409, { name: '', number: '' });
  throw error;
}

/** A draft decision from candidates the actor's authority may decide, with its lines and money. */
export async function createDraft(ctx: CommandContext, input: DraftInput): Promise<string> {
  const { db, actor } = ctx;
  const g = await gather(db, actor, input.candidateIds, null);
  const id = uuidv7(ctx.now.getTime());
  const lines = await buildLines(db, actor.tenantId, id, g, input.signedOn, ctx.now);
  const values = decisionColumns(input, g);
  await db.transaction().execute(async (trx) => {
    await takeDecisionNumber(trx, actor.tenantId, input, g.authority.id, id, ctx.now);
    await trx.insertInto('award_decisions').values({
      tenant_id: actor.tenantId, id, ...values, status: 'draft', idempotency_key: null, issued_at: null, issued_by: null,
      created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    await insertLines(trx, lines);
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'decision.create', entityType: 'award_decision', entityId: id,
      organisationPath: g.authority.path, changes: { created: { ...values, candidateIds: input.candidateIds } }, requestId: ctx.requestId, at: ctx.now,
    });
  }).catch(uniqueConflict);
  return id;
}

/**
 * The draft replaced by the new input: its candidates, number, date (money recomputed), signer, texts. Made from an
 * older version of the draft, it is refused (409 edit.stale) and nothing changes.
 */
export async function updateDraft(ctx: CommandContext, id: string, { version, ...input }: DraftInput & { version?: number | undefined }): Promise<void> {
  const { db, actor } = ctx;
  const before = await draftDecision(ctx, id, 'edit');
  const g = await gather(db, actor, input.candidateIds, id);
  const lines = await buildLines(db, actor.tenantId, id, g, input.signedOn, ctx.now);
  const values = decisionColumns(input, g);
  await db.transaction().execute(async (trx) => {
    const locked = await lockDecision(trx, actor.tenantId, id);
    assertDecisionStep(locked?.status, 'edit');
    assertCurrentVersion(version, locked!.version);
    // the draft gives up its number and takes the one it now has (the same one, when unchanged)
    await releaseNumber(trx, actor.tenantId, { entityType: 'award_decision', entityId: id });
    await takeDecisionNumber(trx, actor.tenantId, input, g.authority.id, id, ctx.now);
    await trx.updateTable('award_decisions').set({ ...values, updated_at: ctx.now, version: nextVersion() }).where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    await deleteLines(trx, actor.tenantId, id);
    await insertLines(trx, lines);
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'decision.update', entityType: 'award_decision', entityId: id,
      organisationPath: before.authority_path, changes: { updated: { ...values, candidateIds: input.candidateIds } }, requestId: ctx.requestId, at: ctx.now,
    });
  }).catch(uniqueConflict);
}

export async function deleteDraft(ctx: CommandContext, id: string): Promise<void> {
  const { db, actor } = ctx;
  const before = await draftDecision(ctx, id, 'delete');
  await db.transaction().execute(async (trx) => {
    const locked = await lockDecision(trx, actor.tenantId, id);
    assertDecisionStep(locked?.status, 'delete');
    await releaseNumber(trx, actor.tenantId, { entityType: 'award_decision', entityId: id });
    await deleteLines(trx, actor.tenantId, id);
    await trx.deleteFrom('award_decisions').where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'decision.delete', entityType: 'award_decision', entityId: id,
      organisationPath: before.authority_path, changes: { number: decisionNumber(before.number, before.symbol) }, requestId: ctx.requestId, at: ctx.now,
    });
  });
}

export interface IssueResult { id: string; number: string; awards: { candidateId: string; awardId: string }[]; replayed: boolean }

async function issued(db: Db, decision: Pick<DecisionRow, 'tenant_id' | 'id' | 'number' | 'symbol'>, replayed: boolean): Promise<IssueResult> {
  const lines = await linesOf(db, decision.tenant_id, decision.id);
  return {
    id: decision.id, number: decisionNumber(decision.number, decision.symbol), replayed,
    awards: lines.map((l) => ({ candidateId: l.candidate_id, awardId: l.award_id! })),
  };
}

/**
 * Issues the decision, exactly once: under the decision's row lock, a decision already issued (a retry
 * with the same Idempotency-Key, or a second click) answers what the first request did and writes
 * nothing. Otherwise one award per line enters the record, each candidate is decided (the workflow's
 * `decide`), each batch closes when all its candidates are done, and the nominating units are told.
 */
export async function issueDecision(ctx: CommandContext, id: string, key: string | null): Promise<IssueResult> {
  const { db, actor } = ctx;
  const visible = await visibleDecision(db, actor, id);
  assertCan(actor, 'decision.issue', visible.authority_path);
  return db.transaction().execute(async (trx) => {
    const locked = await lockDecision(trx, actor.tenantId, id);
    if (!locked) throw notFound('award_decision');
    if (key !== null) {
      const owner = await decisionByKey(trx, actor.tenantId, key);
      if (owner && owner.id !== id) throw new AppError('decision.key_reused', 409);
    }
    if (locked.status === 'issued') return issued(trx, visible, true);
    assertDecisionStep(locked.status, 'issue');
    const decision = (await findDecision(trx, actor.tenantId, id))!;
    const lines = await linesOf(trx, actor.tenantId, id);
    // before anything is written: where the award's procedure holds a public consultation, it must be over
    await assertConsultationDone(trx, actor.tenantId, lines.map((l) => l.candidate_id), todayInVietnam(ctx.now));
    const batchIds = [...new Set(lines.map((l) => l.batch_id))].sort();
    // batches in a fixed order: two decisions from one batch issued at once close it exactly once
    for (const batchId of batchIds) await lockBatch(trx, actor.tenantId, batchId);
    const batches = new Map<string, BatchRow>();
    for (const batchId of batchIds) batches.set(batchId, (await findBatch(trx, actor.tenantId, batchId))!);
    const candidates = new Map((await candidatesByIds(trx, actor.tenantId, lines.map((l) => l.candidate_id))).map((c) => [c.id, c]));
    const procedure = await procedureFor(trx, actor.tenantId, decision.award_form);
    const number = decisionNumber(decision.number, decision.symbol);
    for (const line of lines) {
      const candidate = candidates.get(line.candidate_id)!;
      const batch = batches.get(line.batch_id)!;
      if (procedure.councilVote && candidate.status !== 'voted') {
        throw new AppError('decision.vote_required', 409, { name: candidate.name, form: decision.award_form_name });
      }
      const awardId = uuidv7(ctx.now.getTime());
      await recordAwards(trx, actor.tenantId, [{
        id: awardId, person_id: line.person_id, organisation_id: line.organisation_id,
        award_form: decision.award_form, year: decision.year, basis: decision.basis, movement_id: batch.movement_id,
        reason: decision.reason, decision_number: number, decided_on: decision.signed_on,
        decided_by: decidedBy({ title: decision.signer_title, name: decision.signer_name }),
        revoked_on: null, revocation_number: null, created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
        // the printed certificate's code for the public check, and the money paid
        verification_code: newVerificationCode(), amount: line.amount,
      }]);
      await trx.updateTable('award_decision_lines').set({ award_id: awardId })
        .where('tenant_id', '=', actor.tenantId).where('id', '=', line.id).execute();
      await moveCandidate(trx, ctx, batch, candidate, 'decide', '', { award_id: awardId });
    }
    await trx.updateTable('award_decisions').set({ status: 'issued', idempotency_key: key, issued_at: ctx.now, issued_by: actor.userId, updated_at: ctx.now, version: nextVersion() })
      .where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'decision.issue', entityType: 'award_decision', entityId: id,
      organisationPath: decision.authority_path, changes: { number, signedOn: decision.signed_on, awards: lines.length },
      requestId: ctx.requestId, at: ctx.now,
    });
    for (const batchId of batchIds) await closeIfDone(trx, ctx, batchId);
    // the nominating units are told: each batch's unit, and where candidates were forwarded up, the unit that started them
    const unitPaths = [...new Set([...[...batches.values()].map((b) => b.organisation_path),
      ...await originUnitPaths(trx, actor.tenantId, lines.map((l) => l.candidate_id))])];
    const users: string[] = [];
    for (const path of unitPaths) {
      users.push(...await actorsFor(trx, actor.tenantId, 'unit_officer', path), ...await actorsFor(trx, actor.tenantId, 'unit_head', path));
    }
    await notify(trx, users, {
      tenantId: actor.tenantId, topic: 'decision_issued', entityType: 'award_decision', entityId: id,
      params: { number, form: decision.award_form_name, count: lines.length }, at: ctx.now,
    });
    return issued(trx, decision, false);
  });
}

export async function readDecision(db: Db, actor: Actor, id: string) {
  const decision = await visibleDecision(db, actor, id);
  return { decision, lines: await linesOf(db, actor.tenantId, id), canIssue: canReach(actor, 'decision.issue', decision.authority_path) };
}

/** Decisions of the authorities the actor reads or decides for. */
export async function decisionsFor(db: Db, actor: Actor) {
  const prefixes = [...new Set([...reachablePaths(actor, 'nomination.read'), ...reachablePaths(actor, 'decision.issue')])];
  return listDecisions(db, actor.tenantId, prefixes);
}

/**
 * What the actor may put on a decision of the award form: accepted or voted candidates of accepted
 * batches decided where the actor holds decision.issue (the receiving level for base forms, the tenant's
 * root for the others), on no decision yet, each with why it cannot be chosen (if so) and its money on
 * the signing date.
 */
export async function decidableCandidates(db: Db, actor: Actor, awardForm: string, signedOn: string | null, now: Date) {
  const form = await seenForm(db, actor.tenantId, awardForm);
  if (!form) throw notFound('award_form');
  const prefixes = reachablePaths(actor, 'decision.issue');
  // base forms are decided by the receiving level; the others only at the tenant's root
  const receiving = form.level === 'base' ? prefixes : prefixes.filter((p) => p === rootPathOf(p));
  const rows = await openCandidates(db, actor.tenantId, awardForm, receiving);
  const [procedure, catalogue, tables] = await Promise.all([procedureFor(db, actor.tenantId, awardForm), loadCatalogue(db, actor.tenantId), loadMoneyTables(db, actor.tenantId)]);
  const date = signedOn ?? todayInVietnam(now);
  const moneyOf = (recipient: 'individual' | 'collective') => moneyFor(tables, catalogue, awardForm, recipient, date)?.amount ?? null;
  const money = { individual: moneyOf('individual'), collective: moneyOf('collective') };
  return {
    form, signedOn: date, councilVote: procedure.councilVote,
    items: rows.map((r) => ({
        ...r,
      blocked: r.household_id ? 'household' as const : procedure.councilVote && r.status !== 'voted' ? 'vote_required' as const : null,
      amount: r.household_id ? null : money[r.person_id ? 'individual' : 'collective'],
    })),
  };
}

/** The decision as its official document (draft or issued), with the plans and units behind it. */
export async function decisionOfficialDocument(db: Db, actor: Actor, id: string): Promise<OfficialDocument> {
  const { decision, lines } = await readDecision(db, actor, id);
  const batchIds = [...new Set(lines.map((l) => l.batch_id))];
  const [authority, catalogue, batches] = await Promise.all([
    findOrganisation(db, actor.tenantId, decision.authority_organisation_id),
    loadCatalogue(db, actor.tenantId),
    batchIds.length === 0 ? Promise.resolve([]) : db.selectFrom('nomination_batches as b')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'b.tenant_id').onRef('o.id', '=', 'b.organisation_id'))
      .leftJoin('movements as m', (j) => j.onRef('m.tenant_id', '=', 'b.tenant_id').onRef('m.id', '=', 'b.movement_id'))
      .leftJoin('organisations as mo', (j) => j.onRef('mo.tenant_id', '=', 'm.tenant_id').onRef('mo.id', '=', 'm.organisation_id'))
      .select(['b.id', 'o.name as unit', 'o.path as unit_path', 'm.id as movement_id', 'm.document_number', 'm.document_symbol', 'm.issued_on',
        'm.name as movement_name', 'mo.name as movement_issuer'])
      .where('b.tenant_id', '=', actor.tenantId).where('b.id', 'in', batchIds).orderBy('o.path').execute(),
  ]);
  const parent = authority?.parent_id ? await findOrganisation(db, actor.tenantId, authority.parent_id) : undefined;
  const plans = new Map(batches.filter((b) => b.movement_id).map((b) => [b.movement_id!, {
    number: b.document_number, symbol: b.document_symbol ?? '', issuedOn: b.issued_on, name: b.movement_name ?? '', issuer: b.movement_issuer ?? '',
  }]));
  return decisionDocument({
    number: decision.number, symbol: decision.symbol, place: decision.place, signedOn: decision.signed_on,
    signer: { authority: decision.signer_authority, authorityBody: decision.signer_authority_body, title: decision.signer_title, name: decision.signer_name },
    awardFormName: decision.award_form_name, reason: decision.reason, budgetSource: decision.budget_source,
    legalBasis: basisOn(catalogue, decision.signed_on).code,
    authority: { name: decision.authority_name },
    authorityParent: parent ? { name: parent.name, shortName: parent.short_name } : null,
    plans: [...plans.values()], units: [...new Set(batches.map((b) => b.unit))], lines,
  });
}
