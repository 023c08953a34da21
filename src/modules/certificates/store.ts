import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { AwardRevocationsTable, Database } from '../../platform/db/schema.ts';
import { newVerificationCode } from './model.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** An award with what its certificate prints: the form, the recipient and the tenant (for the place). */
export async function findAwardForCertificate(db: Db, tenantId: string, awardId: string) {
  return db.selectFrom('awards as a')
    .innerJoin('award_forms as f', 'f.code', 'a.award_form')
    .innerJoin('tenants as t', 't.id', 'a.tenant_id')
    .selectAll('a')
    .select(['f.name as award_form_name', 'f.recipient as form_recipient', 't.name as tenant_name'])
    .where('a.tenant_id', '=', tenantId).where('a.id', '=', awardId)
    .executeTakeFirst();
}
export type CertificateAward = NonNullable<Awaited<ReturnType<typeof findAwardForCertificate>>>;

/** The tenant-less lookup of the public page (a code is unique across tenants in practice: 60 random bits). */
export async function findAwardsByCode(db: Db, code: string) {
  return db.selectFrom('awards as a')
    .innerJoin('award_forms as f', 'f.code', 'a.award_form')
    .select(['a.tenant_id', 'a.id', 'a.person_id', 'a.organisation_id', 'a.year', 'a.decision_number', 'a.decided_on',
      'a.decided_by', 'a.revoked_on', 'a.revocation_number', 'f.name as award_form_name'])
    .where('a.verification_code', '=', code)
    .limit(2)
    .execute();
}

/**
 * The recipient as the certificate names them: a person's name with the position and unit they held
 * on the decision date (else their latest employment); a collective's own name, under its parent.
 */
export async function recipientOf(db: Db, tenantId: string, award: { person_id: string | null; organisation_id: string | null; decided_on: string | null; year: number }) {
  const on = award.decided_on ?? `${award.year}-12-31`;
  if (award.person_id) {
    const person = await db.selectFrom('people').select(['full_name', 'gender'])
      .where('tenant_id', '=', tenantId).where('id', '=', award.person_id).executeTakeFirstOrThrow();
    const jobs = await db.selectFrom('employments as e')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
      .leftJoin('organisations as p', (j) => j.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.parent_id'))
      .select(['e.position', 'o.name as unit_name', 'o.kind as unit_kind', 'p.name as parent_name', 'e.start_date', 'e.end_date'])
      .where('e.tenant_id', '=', tenantId).where('e.person_id', '=', award.person_id)
      .orderBy('e.start_date', 'desc').execute();
    const job = jobs.find((j) => j.start_date <= on && (j.end_date === null || j.end_date >= on)) ?? jobs[0];
    // a phòng, ban is named with its agency: "Phòng Kinh tế – Ngành, Văn phòng UBND tỉnh"
    const unitName = !job ? '' : job.unit_kind === 'sub_unit' && job.parent_name ? `${job.unit_name}, ${job.parent_name}` : job.unit_name;
    return { kind: 'person' as const, name: person.full_name, gender: person.gender, position: job?.position ?? '', unitName };
  }
  const org = await db.selectFrom('organisations as o')
    .leftJoin('organisations as p', (j) => j.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.parent_id'))
    .select(['o.name', 'p.name as parent_name'])
    .where('o.tenant_id', '=', tenantId).where('o.id', '=', award.organisation_id!).executeTakeFirstOrThrow();
  return { kind: 'collective' as const, name: org.name, gender: null, position: '', unitName: org.parent_name ?? '' };
}
export type Recipient = Awaited<ReturnType<typeof recipientOf>>;

export async function insertRevocation(trx: Db, row: Insertable<AwardRevocationsTable>) {
  await trx.insertInto('award_revocations').values(row).execute();
}

export async function findRevocation(db: Db, tenantId: string, awardId: string) {
  return db.selectFrom('award_revocations').selectAll().where('tenant_id', '=', tenantId).where('award_id', '=', awardId).executeTakeFirst();
}

/**
 * Gives a verification code to every award with a decision number that has none (rows from before
 * migration 0008, or written by a path that did not give one). Set-based, in chunks; idempotent.
 * Returns how many awards got a code.
 */
export async function backfillVerificationCodes(db: Kysely<Database>, tenantId: string | null = null, chunk = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    // written as the partial index awards_without_code (0019) says, so that the planner can use it
    let query = db.selectFrom('awards').select(['tenant_id', 'id']).where(sql<boolean>`verification_code IS NULL AND decision_number <> ''`);
    if (tenantId) query = query.where('tenant_id', '=', tenantId);
    const rows = await query.limit(chunk).execute();
    if (rows.length === 0) return total;
    const values = rows.map((r) => sql`(${r.tenant_id}::uuid, ${r.id}::uuid, ${newVerificationCode()})`);
    await sql`UPDATE awards SET verification_code = v.code
      FROM (VALUES ${sql.join(values)}) AS v (tenant_id, id, code)
      WHERE awards.tenant_id = v.tenant_id AND awards.id = v.id`.execute(db);
    total += rows.length;
  }
}
