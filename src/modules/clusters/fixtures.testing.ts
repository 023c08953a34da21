import type { Kysely } from 'kysely';
import type { CriterionKind, Database, SheetStatus } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import type { BuiltOrganisation } from '../../testing/factories.ts';

type Db = Kysely<Database>;

/** A cluster organised by `organiser` with its members of one year (the first is the head) and, if given, its follower. */
export async function buildCluster(db: Db, organiser: BuiltOrganisation, members: BuiltOrganisation[], options: {
  year?: number; name?: string; followerPersonId?: string | null; kind?: 'cluster' | 'block';
} = {}) {
  const id = uuidv7();
  const year = options.year ?? 2024;
  const name = options.name ?? `Cụm thi đua ${id.slice(-6)}`;
  await db.insertInto('clusters').values({
    tenant_id: organiser.tenantId, id, organiser_id: organiser.id, kind: options.kind ?? 'cluster', name, name_fold: foldVietnamese(name), created_at: new Date(),
  }).execute();
  await db.insertInto('cluster_members').values(members.map((m, i) => ({
    tenant_id: organiser.tenantId, cluster_id: id, year, organisation_id: m.id, role: i === 0 ? 'head' as const : 'member' as const,
  }))).execute();
  if (options.followerPersonId) {
    await db.insertInto('cluster_followers').values({ tenant_id: organiser.tenantId, cluster_id: id, year, person_id: options.followerPersonId }).execute();
  }
  return { id, year, name };
}

export const SAMPLE_CRITERIA: { kind: CriterionKind; title: string; maxPoints: number; heading?: string }[] = [
  { kind: 'criterion', heading: 'I. Thực hiện nhiệm vụ', title: 'Thực hiện nhiệm vụ chính trị được giao', maxPoints: 60 },
  { kind: 'criterion', heading: 'I. Thực hiện nhiệm vụ', title: 'Công tác thi đua, khen thưởng', maxPoints: 20 },
  { kind: 'bonus', title: 'Mô hình, cách làm hay được nhân rộng', maxPoints: 5 },
  { kind: 'penalty', title: 'Chậm gửi báo cáo, vi phạm', maxPoints: 10 },
];

/**
 * A sheet written straight into the database in any status, with the sample criteria and, per member,
 * self-scored points for them in order; an entry per member once open, submitted when it has points
 * (unless `submitted: false`).
 */
export async function buildSheet(db: Db, cluster: { id: string; year: number }, tenantId: string, status: SheetStatus,
  points: Map<string, number[]> = new Map(), options: { submitted?: boolean } = {}) {
  const id = uuidv7();
  const now = new Date();
  await db.insertInto('cluster_sheets').values({
    tenant_id: tenantId, id, cluster_id: cluster.id, year: cluster.year, title: `Bảng điểm ${id.slice(-6)}`, status, flag_count: 1, bang_khen_count: 1,
    flag_batch_id: null, bang_khen_batch_id: null, created_by: null, created_at: now, updated_at: now,
  }).execute();
  const criteria = SAMPLE_CRITERIA.map((c, position) => ({
    tenant_id: tenantId, id: uuidv7(), sheet_id: id, kind: c.kind, heading: c.heading ?? '', title: c.title, max_points: c.maxPoints, position,
  }));
  await db.insertInto('cluster_criteria').values(criteria).execute();
  const members = await db.selectFrom('cluster_members').select('organisation_id').where('tenant_id', '=', tenantId)
    .where('cluster_id', '=', cluster.id).where('year', '=', cluster.year).execute();
  if (status !== 'draft') {
    await db.insertInto('cluster_sheet_entries').values(members.map((m) => ({
      tenant_id: tenantId, sheet_id: id, organisation_id: m.organisation_id, submitted_at: points.has(m.organisation_id) && options.submitted !== false ? now : null,
      submitted_by: null, vote_place: null, vote_note: '',
    }))).execute();
  }
  const scores = [...points].flatMap(([organisationId, values]) => values.map((p, i) => ({
    tenant_id: tenantId, sheet_id: id, criterion_id: criteria[i]!.id, organisation_id: organisationId, self_points: p, evidence: '', evidence_link: '',
    adjusted_points: null, updated_by: null, updated_at: now,
  })));
  if (scores.length) await db.insertInto('cluster_scores').values(scores).execute();
  return { id, criterionIds: criteria.map((c) => c.id) };
}
