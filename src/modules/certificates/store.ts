import type { Insertable, Kysely } from 'kysely';
import type { AwardRevocationsTable, Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database>; // a transaction is one too

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

/** The same for many awards in one query (a whole decision's certificates), in no particular order. */
export async function findAwardsForCertificates(db: Db, tenantId: string, awardIds: readonly string[]): Promise<CertificateAward[]> {
  if (awardIds.length === 0) return [];
  return db.selectFrom('awards as a')
    .innerJoin('award_forms as f', 'f.code', 'a.award_form')
    .innerJoin('tenants as t', 't.id', 'a.tenant_id')
    .selectAll('a')
    .select(['f.name as award_form_name', 'f.recipient as form_recipient', 't.name as tenant_name'])
    .where('a.tenant_id', '=', tenantId).where('a.id', 'in', [...awardIds])
    .execute();
}

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
export async function recipientOf(db: Db, tenantId: string, award: RecipientAward) {
  return (await recipientsOf(db, tenantId, [award]))[0]!;
}

type RecipientAward = { person_id: string | null; organisation_id: string | null; decided_on: string | null; year: number };
export interface Recipient { kind: 'person' | 'collective'; name: string; gender: 'male' | 'female' | null; position: string; unitName: string }

/** The recipients of many awards, in the awards' order: three queries however many there are (a whole decision). */
export async function recipientsOf(db: Db, tenantId: string, awards: readonly RecipientAward[]): Promise<Recipient[]> {
  const personIds = [...new Set(awards.filter((a) => a.person_id).map((a) => a.person_id!))];
  const unitIds = [...new Set(awards.filter((a) => !a.person_id).map((a) => a.organisation_id!))];
  const people = personIds.length === 0 ? [] : await db.selectFrom('people').select(['id', 'full_name', 'gender'])
    .where('tenant_id', '=', tenantId).where('id', 'in', personIds).execute();
  const jobs = personIds.length === 0 ? [] : await db.selectFrom('employments as e')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
    .leftJoin('organisations as p', (j) => j.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.parent_id'))
    .select(['e.person_id', 'e.position', 'o.name as unit_name', 'o.kind as unit_kind', 'p.name as parent_name', 'e.start_date', 'e.end_date'])
    .where('e.tenant_id', '=', tenantId).where('e.person_id', 'in', personIds)
    .orderBy('e.start_date', 'desc').execute();
  const units = unitIds.length === 0 ? [] : await db.selectFrom('organisations as o')
    .leftJoin('organisations as p', (j) => j.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.parent_id'))
    .select(['o.id', 'o.name', 'p.name as parent_name'])
    .where('o.tenant_id', '=', tenantId).where('o.id', 'in', unitIds).execute();
  return awards.map((award) => {
    const on = award.decided_on ?? `${award.year}-12-31`;
    if (award.person_id) {
      const person = people.find((p) => p.id === award.person_id)!;
      const held = jobs.filter((j) => j.person_id === award.person_id);
      const job = held.find((j) => j.start_date <= on && (j.end_date === null || j.end_date >= on)) ?? held[0];
      // a phòng, ban is named with its agency: "Phòng Kinh tế – Ngành, Văn phòng UBND tỉnh"
      const unitName = !job ? '' : job.unit_kind === 'sub_unit' && job.parent_name ? `${job.unit_name}, ${job.parent_name}` : job.unit_name;
      return { kind: 'person' as const, name: person.full_name, gender: person.gender, position: job?.position ?? '', unitName };
    }
    const org = units.find((u) => u.id === award.organisation_id)!;
    return { kind: 'collective' as const, name: org.name, gender: null, position: '', unitName: org.parent_name ?? '' };
  });
}

export async function insertRevocation(trx: Db, row: Insertable<AwardRevocationsTable>) {
  await trx.insertInto('award_revocations').values(row).execute();
}

export async function findRevocation(db: Db, tenantId: string, awardId: string) {
  return db.selectFrom('award_revocations').selectAll().where('tenant_id', '=', tenantId).where('award_id', '=', awardId).executeTakeFirst();
}
