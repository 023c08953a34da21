import type { Kysely } from 'kysely';
import type { Database, Role } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { planSchema } from '../movements/index.ts';

/**
 * The Sơn La office review in miniature: a province, its Office with two sub-units, people in each, the Office's issued
 * mid-term review with the seed's quotas (Bằng khen: 1 collective, 1 individual for the whole Office;
 * Giấy khen: 2 and 5) and a nomination deadline, and an account for every actor of the path.
 */
export async function buildOfficeReview(db: Kysely<Database>, options: { deadline?: string } = {}) {
  const tenantId = (await buildTenant(db)).id;
  const province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  const office = await buildOrganisation(db, tenantId, province, { name: 'Văn phòng UBND tỉnh' });
  const sub1 = await buildOrganisation(db, tenantId, office, { name: 'Phòng Kinh tế', kind: 'sub_unit' });
  const sub2 = await buildOrganisation(db, tenantId, office, { name: 'Phòng Tổng hợp', kind: 'sub_unit' });
  const other = await buildOrganisation(db, tenantId, province, { name: 'Sở Tài chính' });
  const person = (name: string, org: BuiltOrganisation, isLeader = false) =>
    buildPerson(db, tenantId, name, [{ organisation: org, start: '2015-01-01', isLeader, position: isLeader ? 'Trưởng phòng' : 'Chuyên viên' }]);
  const people = {
    an: (await person('Nguyễn Văn An', sub1)).id,
    binh: (await person('Trần Thị Bình', sub1)).id,
    cuong: (await person('Lê Văn Cường', sub1, true)).id,
    dung: (await person('Phạm Thị Dung', sub2)).id,
    outsider: (await person('Hoàng Văn Ngoài', other)).id,
  };
  const id = () => uuidv7();
  const awards = {
    gk: id(), bk: id(),
  };
  const plan = planSchema.parse({
    awards: [
      { id: awards.gk, phase: 'mid_term_review', awardForm: 'giay_khen', recipients: ['collective', 'individual'],
        quotas: [{ id: id(), appliesTo: { organisationIds: [office.id], label: 'Giấy khen của Chánh Văn phòng (cả Văn phòng)' }, collectives: 2, individuals: 5 }] },
      { id: awards.bk, phase: 'mid_term_review', awardForm: 'bang_khen_tinh', recipients: ['collective', 'individual'],
        quotas: [{ id: id(), appliesTo: { organisationIds: [office.id], label: 'Bằng khen của Chủ tịch UBND tỉnh (cả Văn phòng)' }, collectives: 1, individuals: 1 }] },
    ],
  });
  const movementId = id();
  const now = new Date();
  await db.insertInto('movements').values({
    tenant_id: tenantId, id: movementId, organisation_id: office.id, parent_movement_id: null, kind: 'multi_year', status: 'issued',
    name: 'Phong trào thi đua văn hóa công sở Văn phòng UBND tỉnh', name_fold: 'phong trao thi dua van hoa cong so', slogan: '',
    document_number: 29, document_symbol: 'KH-VPUB', place: 'Sơn Hà', issued_on: '2019-08-14', period_start: '2019-01-01', period_end: '2027-12-31',
    plan: JSON.stringify(plan), created_by: null, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('movement_phases').values({
    tenant_id: tenantId, id: id(), movement_id: movementId, kind: 'nomination', title: 'Hồ sơ đề nghị khen thưởng', starts_on: null,
    due_on: options.deadline ?? '2026-11-30', due_from: 'Các phòng', outline: null, inherited_from: null, position: 0,
  }).execute();
  const users: Record<string, { role: Role; org: BuiltOrganisation }> = {
    'officer.sub1': { role: 'unit_officer', org: sub1 }, 'head.sub1': { role: 'unit_head', org: sub1 },
    'officer.sub2': { role: 'unit_officer', org: sub2 }, 'head.sub2': { role: 'unit_head', org: sub2 },
    'standing.office': { role: 'standing_officer', org: office }, 'head.office': { role: 'unit_head', org: office },
    'standing.province': { role: 'standing_officer', org: province }, 'chair.province': { role: 'unit_head', org: province },
    'officer.other': { role: 'unit_officer', org: other },
  };
  for (const [username, u] of Object.entries(users)) await buildUser(db, tenantId, u.role, u.org, { username });
  return { tenantId, province, office, sub1, sub2, other, people, movementId, awards };
}

export type OfficeReview = Awaited<ReturnType<typeof buildOfficeReview>>;

/** A Giấy khen batch of sub-unit 1 awaiting its head, one candidate, its letter and minutes on file. */
export async function batchAwaitingHead(db: Kysely<Database>, world: OfficeReview, n: number) {
  const id = uuidv7();
  const now = new Date();
  await db.insertInto('nomination_batches').values({
    tenant_id: world.tenantId, id, organisation_id: world.sub1.id, receiving_organisation_id: world.office.id, movement_id: null, award_item_id: null,
    award_form: 'giay_khen', kind: 'merit', year: 2026, title: `Đề nghị tặng Giấy khen đợt ${n}`, status: 'awaiting_head', forwarded_from_batch_id: null,
    letter_number: '', submitted_at: null, submitted_by: null, receipt_number: null, created_by: null, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('nomination_candidates').values({
    tenant_id: world.tenantId, id: uuidv7(), batch_id: id, person_id: world.people.an, organisation_id: null, household_id: null,
    status: 'draft', name: 'Nguyễn Văn An', name_fold: 'nguyen van an', sort_key: 'an', position: '', unit_name: '', is_leader: false,
    achievement: '', eligibility: null, note: '', source_candidate_id: null, award_id: null, created_at: now, updated_at: now,
  }).execute();
  for (const kind of ['proposal_letter', 'minutes'] as const) {
    await db.insertInto('nomination_documents').values({ tenant_id: world.tenantId, id: uuidv7(), batch_id: id, candidate_id: null, kind,
      sha256: 'e'.repeat(64), name: `${kind}.pdf`, size: 1, uploaded_by: null, uploaded_at: now, replaced_at: null }).execute();
  }
  return id;
}
