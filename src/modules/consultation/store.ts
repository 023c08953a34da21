import type { Kysely, Selectable } from 'kysely';
import type { ConsultationsTable, Database } from '../../platform/db/schema.ts';
import { pathUnder } from '../organisations/index.ts';
import type { HeldConsultation } from './model.ts';

type Db = Kysely<Database>;

export type ConsultationRow = Selectable<ConsultationsTable> & { organisation_name: string; organisation_path: string; award_form_name: string };

function consultationQuery(db: Db) {
  return db.selectFrom('consultations as c')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.organisation_id'))
    .innerJoin('award_forms as f', 'f.code', 'c.award_form')
    .selectAll('c')
    .select(['o.name as organisation_name', 'o.path as organisation_path', 'f.name as award_form_name']);
}

export async function findConsultation(db: Db, tenantId: string, id: string): Promise<ConsultationRow | undefined> {
  return consultationQuery(db).where('c.tenant_id', '=', tenantId).where('c.id', '=', id).executeTakeFirst();
}

/** For the public page, which knows no tenant: the id alone (ids are UUIDv7, unique in practice). */
export async function findPublishedConsultation(db: Db, id: string): Promise<ConsultationRow | undefined> {
  return consultationQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export async function listConsultations(db: Db, tenantId: string, prefixes: string[]) {
  if (prefixes.length === 0) return [];
  return consultationQuery(db)
    .select((eb) => [
      eb.selectFrom('consultation_candidates as k').select(eb.fn.countAll<number>().as('n'))
        .whereRef('k.tenant_id', '=', 'c.tenant_id').whereRef('k.consultation_id', '=', 'c.id').as('candidate_count'),
      eb.selectFrom('consultation_comments as m').select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.tenant_id', '=', 'c.tenant_id').whereRef('m.consultation_id', '=', 'c.id').where('m.status', '=', 'pending').as('pending_count'),
    ])
    .where('c.tenant_id', '=', tenantId).where(pathUnder('o.path', prefixes))
    .orderBy('c.created_at', 'desc').limit(500).execute();
}

/** Lists taking comments today, across tenants: the public index. */
export async function openConsultations(db: Db, today: string) {
  return consultationQuery(db)
    .select((eb) => [
      eb.selectFrom('consultation_candidates as k').select(eb.fn.countAll<number>().as('n'))
        .whereRef('k.tenant_id', '=', 'c.tenant_id').whereRef('k.consultation_id', '=', 'c.id').as('candidate_count'),
    ])
    .where('c.status', '=', 'published').where('c.starts_on', '<=', today).where('c.ends_on', '>=', today)
    .orderBy('c.ends_on').orderBy('c.id').limit(200).execute();
}

export async function listedCandidates(db: Db, tenantId: string, consultationId: string) {
  return db.selectFrom('consultation_candidates as k')
    .innerJoin('nomination_candidates as n', (j) => j.onRef('n.tenant_id', '=', 'k.tenant_id').onRef('n.id', '=', 'k.candidate_id'))
    .select(['k.candidate_id', 'k.no', 'k.name', 'k.position', 'k.unit_name', 'k.award_name', 'n.batch_id', 'n.status'])
    .where('k.tenant_id', '=', tenantId).where('k.consultation_id', '=', consultationId).orderBy('k.no').execute();
}

export async function commentsOf(db: Db, tenantId: string, consultationId: string, only?: 'published') {
  let q = db.selectFrom('consultation_comments as m')
    .leftJoin('consultation_candidates as k', (j) => j.onRef('k.tenant_id', '=', 'm.tenant_id')
      .onRef('k.consultation_id', '=', 'm.consultation_id').onRef('k.candidate_id', '=', 'm.candidate_id'))
    .leftJoin('users as u', 'u.id', 'm.handled_by')
    .selectAll('m').select(['k.no as candidate_no', 'u.display_name as handled_by_name'])
    .where('m.tenant_id', '=', tenantId).where('m.consultation_id', '=', consultationId);
  if (only) q = q.where('m.status', '=', only);
  // what needs the officer's eye first: pending, then the rest, oldest first
  return q.orderBy((eb) => eb.case().when('m.status', '=', 'pending').then(0).else(1).end()).orderBy('m.created_at').orderBy('m.id').execute();
}

/** Open lists (published, not closed) any of the candidates is already on. */
export async function openListsOf(db: Db, tenantId: string, candidateIds: string[]) {
  if (candidateIds.length === 0) return [];
  return db.selectFrom('consultation_candidates as k')
    .innerJoin('consultations as c', (j) => j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.consultation_id'))
    .select(['k.candidate_id', 'k.name', 'c.title'])
    .where('k.tenant_id', '=', tenantId).where('k.candidate_id', 'in', candidateIds).where('c.status', '=', 'published').execute();
}

/** Every list each candidate was on, with its state. */
export async function consultationsOfCandidates(db: Db, tenantId: string, candidateIds: string[]): Promise<HeldConsultation[]> {
  if (candidateIds.length === 0) return [];
  const rows = await db.selectFrom('consultation_candidates as k')
    .innerJoin('consultations as c', (j) => j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.consultation_id'))
    .select(['k.candidate_id', 'c.status', 'c.ends_on'])
    .where('k.tenant_id', '=', tenantId).where('k.candidate_id', 'in', candidateIds).execute();
  return rows.map((r) => ({ candidateId: r.candidate_id, status: r.status, endsOn: r.ends_on }));
}

/** Accepted batches a level received for an award form: what may go on one list together. */
export async function receivedBatches(db: Db, tenantId: string, receivingId: string, awardForm: string) {
  return db.selectFrom('nomination_batches as b')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'b.tenant_id').onRef('o.id', '=', 'b.organisation_id'))
    .select(['b.id', 'b.title', 'b.status', 'b.year', 'o.name as organisation_name'])
    .where('b.tenant_id', '=', tenantId).where('b.receiving_organisation_id', '=', receivingId).where('b.award_form', '=', awardForm)
    .where('b.status', '=', 'accepted').orderBy('b.created_at').limit(200).execute();
}
