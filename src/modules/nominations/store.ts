import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, NominationBatchesTable, NominationCandidatesTable } from '../../platform/db/schema.ts';
import { lockForTransaction, oneAtATime } from '../../platform/db/serialise.ts';
import { pathUnder } from '../organisations/index.ts';
import { ACTIVE_CANDIDATE } from './workflow.ts';
import { addToCount, emptyCount, recipientOf, type CandidateKind, type QuotaCount } from './model.ts';

type Db = Kysely<Database>;

export type BatchRow = Selectable<NominationBatchesTable> & {
  organisation_name: string; organisation_path: string; receiving_name: string; receiving_path: string;
  award_form_name: string; award_form_level: 'state' | 'government' | 'ministry' | 'province' | 'commune' | 'base';
};
export type CandidateRow = Selectable<NominationCandidatesTable>;

export const candidateKind = (c: Pick<CandidateRow, 'person_id' | 'organisation_id'>): CandidateKind =>
  (c.person_id ? 'person' : c.organisation_id ? 'collective' : 'household');

function batchQuery(db: Db, tenantId: string) {
  return db.selectFrom('nomination_batches as b')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'b.tenant_id').onRef('o.id', '=', 'b.organisation_id'))
    .innerJoin('organisations as r', (j) => j.onRef('r.tenant_id', '=', 'b.tenant_id').onRef('r.id', '=', 'b.receiving_organisation_id'))
    .innerJoin('award_forms as f', 'f.code', 'b.award_form')
    .selectAll('b')
    .select(['o.name as organisation_name', 'o.path as organisation_path', 'r.name as receiving_name', 'r.path as receiving_path',
      'f.name as award_form_name', 'f.level as award_form_level'])
    .where('b.tenant_id', '=', tenantId);
}

export async function findBatch(db: Db, tenantId: string, id: string): Promise<BatchRow | undefined> {
  return batchQuery(db, tenantId).where('b.id', '=', id).executeTakeFirst();
}

/** The titles of a unit's batches on a movement (or, with none, of a year): what a new batch's title must differ from. */
export async function batchTitlesOf(db: Db, tenantId: string, f: { organisationId: string; movementId: string | null; year: number }): Promise<string[]> {
  let q = db.selectFrom('nomination_batches').select('title').where('tenant_id', '=', tenantId).where('organisation_id', '=', f.organisationId);
  q = f.movementId ? q.where('movement_id', '=', f.movementId) : q.where('movement_id', 'is', null).where('year', '=', f.year);
  return (await q.execute()).map((r) => r.title);
}

/** Serialises the writes to one batch: two clicks on "submit" do not both pass. */
export async function lockBatch(db: Db, tenantId: string, id: string) {
  await sql`SELECT 1 FROM nomination_batches WHERE tenant_id = ${tenantId} AND id = ${id} FOR UPDATE`.execute(db);
}

/** The advisory-lock space of a tenant's submissions (any fixed number no other lock uses). */
export const SUBMISSIONS_LOCK_SPACE = 16_001;
const submissionsHere = oneAtATime();

/**
 * Runs a submission of a tenant in its own transaction, one at a time: quotas are shared across units'
 * batches, and receipt numbers run per tenant. Waiters queue in this process without a connection; across
 * processes an advisory lock serialises them and gives up after 10 s (409, try again).
 */
export function inSubmissionTransaction<T>(db: Db, tenantId: string, work: (trx: Db) => Promise<T>): Promise<T> {
  return submissionsHere(tenantId, () => db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, SUBMISSIONS_LOCK_SPACE, tenantId, 10_000);
    return work(trx);
  }));
}

export interface BatchListFilter {
  /** batches the actor's units nominate in, or receive */
  unitPrefixes: string[];
  receivingPrefixes: string[];
  status?: string | undefined;
  movementId?: string | undefined;
}

export async function listBatches(db: Db, tenantId: string, f: BatchListFilter) {
  if (f.unitPrefixes.length === 0 && f.receivingPrefixes.length === 0) return [];
  let q = batchQuery(db, tenantId)
    .select((eb) => [
      eb.selectFrom('nomination_candidates as c').select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.tenant_id', '=', 'b.tenant_id').whereRef('c.batch_id', '=', 'b.id').as('candidate_count'),
    ])
    .where((eb) => eb.or([
      ...(f.unitPrefixes.length ? [pathUnder('o.path', f.unitPrefixes)] : []),
      ...(f.receivingPrefixes.length ? [eb.and([pathUnder('r.path', f.receivingPrefixes), eb('b.status', '!=', 'draft'), eb('b.status', '!=', 'awaiting_head')])] : []),
    ]));
  if (f.status) q = q.where('b.status', '=', f.status as BatchRow['status']);
  if (f.movementId) q = q.where('b.movement_id', '=', f.movementId);
  return q.orderBy('b.updated_at', 'desc').limit(500).execute();
}

export async function candidatesOf(db: Db, tenantId: string, batchId: string) {
  return db.selectFrom('nomination_candidates').selectAll().where('tenant_id', '=', tenantId).where('batch_id', '=', batchId)
    .orderBy('created_at').orderBy('id').execute();
}

export async function findCandidate(db: Db, tenantId: string, batchId: string, id: string) {
  return db.selectFrom('nomination_candidates').selectAll().where('tenant_id', '=', tenantId)
    .where('batch_id', '=', batchId).where('id', '=', id).executeTakeFirst();
}

export async function documentsOf(db: Db, tenantId: string, batchId: string) {
  return db.selectFrom('nomination_documents').selectAll().where('tenant_id', '=', tenantId).where('batch_id', '=', batchId)
    .where('replaced_at', 'is', null).orderBy('uploaded_at').execute();
}

/** The current documents of several batches in one query: the council's ballot links each candidate's dossier. */
export async function currentDocumentsOf(db: Db, tenantId: string, batchIds: string[]) {
  if (batchIds.length === 0) return [];
  return db.selectFrom('nomination_documents').select(['id', 'batch_id', 'candidate_id', 'kind', 'name']).where('tenant_id', '=', tenantId)
    .where('batch_id', 'in', batchIds).where('replaced_at', 'is', null).orderBy('uploaded_at').execute();
}

/** The same, as the dossier shows them: each with what in it can act when opened (a PDF with scripts is flagged). */
export async function documentsShownOf(db: Db, tenantId: string, batchId: string) {
  return db.selectFrom('nomination_documents as d')
    .leftJoin('files as f', (j) => j.onRef('f.tenant_id', '=', 'd.tenant_id').onRef('f.sha256', '=', 'd.sha256'))
    .selectAll('d').select('f.active_content')
    .where('d.tenant_id', '=', tenantId).where('d.batch_id', '=', batchId)
    .where('d.replaced_at', 'is', null).orderBy('d.uploaded_at').execute();
}

export async function eventsOf(db: Db, tenantId: string, batchId: string) {
  return db.selectFrom('nomination_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.candidate_id', 'e.action', 'e.from_status', 'e.to_status', 'e.reason', 'e.at', 'u.display_name as actor_name'])
    .where('e.tenant_id', '=', tenantId).where('e.batch_id', '=', batchId).orderBy('e.at').orderBy('e.id').execute();
}

/**
 * Active candidates of a movement's award counted under a quota scope (the organisations below a path),
 * by recipient kind. Drafts of other batches do not count: a quota is spent by what is submitted.
 */
export async function quotaCount(db: Db, tenantId: string, movementId: string, awardItemId: string, scopePath: string, batchId: string): Promise<QuotaCount> {
  const rows = await db.selectFrom('nomination_candidates as c')
    .innerJoin('nomination_batches as b', (j) => j.onRef('b.tenant_id', '=', 'c.tenant_id').onRef('b.id', '=', 'c.batch_id'))
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'b.tenant_id').onRef('o.id', '=', 'b.organisation_id'))
    .select(['c.person_id', 'c.organisation_id', 'c.batch_id'])
    .where('c.tenant_id', '=', tenantId).where('b.movement_id', '=', movementId).where('b.award_item_id', '=', awardItemId)
    .where('b.forwarded_from_batch_id', 'is', null)
    .where(pathUnder('o.path', [scopePath]))
    .where('c.status', 'in', ACTIVE_CANDIDATE.filter((s) => s !== 'draft'))
    .execute();
  const ownDrafts = await db.selectFrom('nomination_candidates').select(['person_id', 'organisation_id', 'batch_id'])
    .where('tenant_id', '=', tenantId).where('batch_id', '=', batchId).where('status', '=', 'draft').execute();
  let count = emptyCount();
  for (const c of [...rows, ...ownDrafts]) count = addToCount(count, recipientOf(candidateKind(c as Parameters<typeof candidateKind>[0])));
  return count;
}

/** Per candidate of a batch: awards already conferred in the year, and other active nominations. */
export async function exclusionFactsOf(db: Db, tenantId: string, batch: Pick<BatchRow, 'id' | 'year'>, candidates: CandidateRow[]) {
  const people = candidates.filter((c) => c.person_id).map((c) => c.person_id!);
  const units = candidates.filter((c) => c.organisation_id).map((c) => c.organisation_id!);
  const awards = people.length + units.length === 0 ? [] : await db.selectFrom('awards')
    .select(['person_id', 'organisation_id', 'award_form', 'basis'])
    .where('tenant_id', '=', tenantId).where('year', '=', batch.year).where('revoked_on', 'is', null)
    .where((eb) => eb.or([
      ...(people.length ? [eb('person_id', 'in', people)] : []),
      ...(units.length ? [eb('organisation_id', 'in', units)] : []),
    ])).execute();
  const others = people.length + units.length === 0 ? [] : await db.selectFrom('nomination_candidates as c')
    .innerJoin('nomination_batches as b', (j) => j.onRef('b.tenant_id', '=', 'c.tenant_id').onRef('b.id', '=', 'c.batch_id'))
    .select(['c.person_id', 'c.organisation_id', 'c.id', 'c.source_candidate_id'])
    .where('c.tenant_id', '=', tenantId).where('b.year', '=', batch.year).where('c.batch_id', '!=', batch.id)
    .where('c.status', 'in', ['submitted', 'returned', 'accepted', 'voted'])
    .where((eb) => eb.or([
      ...(people.length ? [eb('c.person_id', 'in', people)] : []),
      ...(units.length ? [eb('c.organisation_id', 'in', units)] : []),
    ])).execute();
  return candidates.map((c) => ({
    candidateId: c.id,
    awardsThisYear: awards.filter((a) => (c.person_id ? a.person_id === c.person_id : a.organisation_id === c.organisation_id && c.organisation_id !== null))
      .map((a) => ({ awardForm: a.award_form, basis: a.basis })),
    // the same candidate continuing up the tree is not a second nomination
    otherNominations: others.filter((o) => (c.person_id ? o.person_id === c.person_id : o.organisation_id === c.organisation_id && c.organisation_id !== null)
      && o.id !== c.source_candidate_id && o.source_candidate_id !== c.id).length,
  }));
}

/** The next receipt number of the year, inside inSubmissionTransaction (a resubmission gets a new one). */
export async function nextReceiptSequence(db: Db, tenantId: string, year: number): Promise<number> {
  const row = await db.selectFrom('nomination_batches').select((eb) => eb.fn.max('receipt_number').as('last'))
    .where('tenant_id', '=', tenantId).where('receipt_number', 'like', `TN-${year}-%`).executeTakeFirstOrThrow();
  return row.last ? Number(String(row.last).slice(-6)) + 1 : 1;
}
