import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAwards } from '../awards/index.ts';
import type { BuiltOrganisation } from '../../testing/factories.ts';
import type { OutlineSection } from './model.ts';

/** Test support for reports: an issued movement with phases, and awards written the way the app writes them. */
type Db = Kysely<Database>;
let sequence = 0;

/** The Cao Bằng campaign's report outline (đề cương), as the demo campaign carries it. */
export const OUTLINE: OutlineSection[] = [
  { title: 'I. Kết quả thực hiện đợt thi đua', points: ['1. Công tác lãnh đạo, chỉ đạo', '2. Công tác tuyên truyền', '3. Công tác khen thưởng'] },
  { title: 'II. Đánh giá chung', points: ['1. Ưu điểm', '2. Hạn chế'] },
  { title: 'III. Bài học kinh nghiệm', points: [] },
];

export interface PhaseSpec { kind?: 'final_review' | 'launch'; dueOn: string | null; outline: OutlineSection[] | null; inheritedFrom?: string }

/** An issued movement of `issuer` with the given phases (ids returned in order). */
export async function buildIssuedMovement(db: Db, tenantId: string, issuer: BuiltOrganisation,
  spec: { periodStart: string; periodEnd: string; phases: PhaseSpec[]; parentMovementId?: string; name?: string }) {
  const id = uuidv7();
  const n = ++sequence;
  const name = spec.name ?? `Đợt thi đua số ${n}`;
  await db.insertInto('movements').values({
    tenant_id: tenantId, id, organisation_id: issuer.id, parent_movement_id: spec.parentMovementId ?? null, kind: 'campaign', status: 'issued',
    name, name_fold: name.toLowerCase(), slogan: '', document_number: n, document_symbol: 'KH-UBND', place: 'Sơn Hà',
    issued_on: spec.periodStart, period_start: spec.periodStart, period_end: spec.periodEnd, plan: '{}', created_by: null,
    created_at: new Date(), updated_at: new Date(),
  }).execute();
  const phaseIds: string[] = [];
  for (const [position, p] of spec.phases.entries()) {
    const phaseId = uuidv7();
    phaseIds.push(phaseId);
    await db.insertInto('movement_phases').values({
      tenant_id: tenantId, id: phaseId, movement_id: id, kind: p.kind ?? 'final_review', title: `Báo cáo kết quả ${n}.${position}`,
      starts_on: null, due_on: p.dueOn, due_from: 'subordinates', outline: p.outline ? JSON.stringify(p.outline) : null,
      inherited_from: p.inheritedFrom ?? null, position,
    }).execute();
  }
  return { id, phaseIds };
}

export interface AwardSpec {
  organisation?: BuiltOrganisation;
  personId?: string;
  awardForm?: string;
  decidedOn: string;
  amount?: number | null;
  movementId?: string | null;
  revokedOn?: string | null;
}

/** Awards with their recipient columns filled by the one function every writer of awards calls. */
export async function buildAwards(db: Db, tenantId: string, specs: AwardSpec[]) {
  return recordAwards(db, tenantId, specs.map((s) => ({
    person_id: s.personId ?? null, organisation_id: s.personId ? null : s.organisation!.id,
    award_form: s.awardForm ?? 'giay_khen', year: Number(s.decidedOn.slice(0, 4)), basis: 'thematic' as const, movement_id: s.movementId ?? null,
    reason: '', decision_number: `${++sequence}/QĐ-UBND`, decided_on: s.decidedOn, decided_by: 'Chủ tịch UBND', revoked_on: s.revokedOn ?? null,
    revocation_number: s.revokedOn ? `${sequence}/QĐ-HB` : null, verification_code: null, amount: s.amount ?? null,
    created_by: null, created_at: new Date(), updated_at: new Date(),
  })));
}

/** A candidate of `unit`'s batch to `receiving`, with its workflow events at the given instants. */
export async function buildNominee(db: Db, tenantId: string, unit: BuiltOrganisation, receiving: BuiltOrganisation, personId: string,
  events: { action: 'submit' | 'accept' | 'return'; at: string }[]) {
  const batchId = uuidv7();
  const candidateId = uuidv7();
  const now = new Date();
  await db.insertInto('nomination_batches').values({
    tenant_id: tenantId, id: batchId, organisation_id: unit.id, receiving_organisation_id: receiving.id, movement_id: null, award_item_id: null,
    award_form: 'giay_khen', kind: 'thematic', year: 2023, title: 'Đề nghị khen thưởng', status: 'accepted', forwarded_from_batch_id: null,
    letter_number: '', submitted_at: null, submitted_by: null, receipt_number: null, created_by: null, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('nomination_candidates').values({
    tenant_id: tenantId, id: candidateId, batch_id: batchId, person_id: personId, organisation_id: null, household_id: null, status: 'accepted',
    name: 'Ứng viên', name_fold: 'ung vien', sort_key: 'vien', position: '', unit_name: '', is_leader: false, achievement: '', eligibility: null,
    note: '', source_candidate_id: null, award_id: null, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('nomination_events').values(events.map((e) => ({
    tenant_id: tenantId, id: uuidv7(), batch_id: batchId, candidate_id: candidateId, action: e.action, from_status: '', to_status: '',
    reason: '', actor_user_id: null, at: new Date(e.at),
  }))).execute();
}
