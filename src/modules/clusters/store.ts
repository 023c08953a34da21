import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { pathUnder } from '../organisations/index.ts';

type Db = Kysely<Database>;

/** A score sheet with its cluster and the cluster's organiser (whose subtree the sheet's audit rows go to). */
export async function findSheet(db: Db, tenantId: string, id: string) {
  return db.selectFrom('cluster_sheets as s')
    .innerJoin('clusters as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.cluster_id'))
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.organiser_id'))
    .selectAll('s')
    .select(['c.name as cluster_name', 'c.kind as cluster_kind', 'c.organiser_id', 'o.name as organiser_name', 'o.path as organiser_path'])
    .where('s.tenant_id', '=', tenantId).where('s.id', '=', id).executeTakeFirst();
}
export type SheetRow = NonNullable<Awaited<ReturnType<typeof findSheet>>>;

export async function findCluster(db: Db, tenantId: string, id: string) {
  return db.selectFrom('clusters as c')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.organiser_id'))
    .select(['c.id', 'c.name', 'c.kind', 'c.organiser_id', 'o.path as organiser_path'])
    .where('c.tenant_id', '=', tenantId).where('c.id', '=', id).executeTakeFirst();
}

/** The cluster's members in the sheet's year: head first, then deputy, then by name. */
export async function membersOf(db: Db, tenantId: string, clusterId: string, year: number) {
  return db.selectFrom('cluster_members as m')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.organisation_id'))
    .select(['m.organisation_id', 'm.role', 'o.name', 'o.sort_key', 'o.valid_to'])
    .where('m.tenant_id', '=', tenantId).where('m.cluster_id', '=', clusterId).where('m.year', '=', year)
    .orderBy(sql`array_position(array['head','deputy','member'], m.role)`).orderBy('o.sort_key').execute();
}
export type MemberRow = Awaited<ReturnType<typeof membersOf>>[number];

export async function followerOf(db: Db, tenantId: string, clusterId: string, year: number) {
  return db.selectFrom('cluster_followers as f')
    .innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'f.tenant_id').onRef('p.id', '=', 'f.person_id'))
    .select(['p.id as person_id', 'p.full_name'])
    .where('f.tenant_id', '=', tenantId).where('f.cluster_id', '=', clusterId).where('f.year', '=', year).executeTakeFirst();
}

export async function criteriaOf(db: Db, tenantId: string, sheetId: string) {
  return db.selectFrom('cluster_criteria').selectAll().where('tenant_id', '=', tenantId).where('sheet_id', '=', sheetId)
    .orderBy('position').execute();
}
export type CriterionRow = Awaited<ReturnType<typeof criteriaOf>>[number];

export async function scoresOf(db: Db, tenantId: string, sheetId: string) {
  return db.selectFrom('cluster_scores').selectAll().where('tenant_id', '=', tenantId).where('sheet_id', '=', sheetId).execute();
}
export type ScoreRow = Awaited<ReturnType<typeof scoresOf>>[number];

/** The members' evidence files on a sheet, with each file's name and size, oldest first. */
export async function evidenceFilesOf(db: Db, tenantId: string, sheetId: string) {
  return db.selectFrom('cluster_evidence_files as e')
    .innerJoin('files as f', (j) => j.onRef('f.tenant_id', '=', 'e.tenant_id').onRef('f.sha256', '=', 'e.sha256'))
    .select(['e.id', 'e.organisation_id', 'e.criterion_id', 'e.sha256', 'e.uploaded_at', 'f.original_name', 'f.size', 'f.active_content'])
    .where('e.tenant_id', '=', tenantId).where('e.sheet_id', '=', sheetId).orderBy('e.uploaded_at').orderBy('e.id').execute();
}
export type EvidenceFileRow = Awaited<ReturnType<typeof evidenceFilesOf>>[number];

export async function entriesOf(db: Db, tenantId: string, sheetId: string) {
  return db.selectFrom('cluster_sheet_entries').selectAll().where('tenant_id', '=', tenantId).where('sheet_id', '=', sheetId).execute();
}

export async function adjustmentsOf(db: Db, tenantId: string, sheetId: string) {
  return db.selectFrom('cluster_adjustments as a')
    .innerJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.id', 'a.criterion_id', 'a.organisation_id', 'a.from_points', 'a.to_points', 'a.reason', 'a.actor_capacity', 'a.at',
      'u.display_name as actor_name'])
    .where('a.tenant_id', '=', tenantId).where('a.sheet_id', '=', sheetId).orderBy('a.at').orderBy('a.id').execute();
}

/** Serialises the writes to one sheet and re-reads its status under the lock. */
/** The sheet's row under a lock: its state, version and the settings an edit starts from. */
export async function lockSheet(trx: Db, tenantId: string, id: string) {
  return trx.selectFrom('cluster_sheets').select(['status', 'version', 'title', 'flag_count', 'bang_khen_count'])
    .where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export interface MineFilter {
  year: number;
  /** subtrees where the actor organises (cluster.manage) */
  managePrefixes: string[];
  /** organisations where the actor holds cluster.score itself */
  memberOrgIds: string[];
  personId: string | null;
}

/**
 * The clusters and blocks of a year the actor organises, belongs to (through a member it scores for) or
 * follows, each with its sheet of that year if one exists. Three indexed look-ups: organiser, member
 * organisation and year, follower person and year.
 */
export async function listMine(db: Db, tenantId: string, f: MineFilter) {
  const organised = f.managePrefixes.length === 0 ? [] : await db.selectFrom('clusters as c')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.organiser_id'))
    .select('c.id').where('c.tenant_id', '=', tenantId).where(pathUnder('o.path', f.managePrefixes)).execute();
  const belonging = f.memberOrgIds.length === 0 ? [] : await db.selectFrom('cluster_members').select('cluster_id as id')
    .where('tenant_id', '=', tenantId).where('organisation_id', 'in', f.memberOrgIds).where('year', '=', f.year).execute();
  const followed = f.personId === null ? [] : await db.selectFrom('cluster_followers').select('cluster_id as id')
    .where('tenant_id', '=', tenantId).where('person_id', '=', f.personId).where('year', '=', f.year).execute();
  const ids = [...new Set([...organised, ...belonging, ...followed].map((r) => r.id))];
  if (ids.length === 0) return [];
  return db.selectFrom('clusters as c')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.organiser_id'))
    .leftJoin('cluster_sheets as s', (j) => j.onRef('s.tenant_id', '=', 'c.tenant_id').onRef('s.cluster_id', '=', 'c.id').on('s.year', '=', f.year))
    .select(['c.id', 'c.name', 'c.kind', 'c.organiser_id', 'o.name as organiser_name', 'o.path as organiser_path',
      's.id as sheet_id', 's.status as sheet_status', 's.title as sheet_title'])
    .where('c.tenant_id', '=', tenantId).where('c.id', 'in', ids)
    .orderBy('c.kind').orderBy('c.name_fold').execute();
}

/** Members, with their roles, of several clusters in one year (for the list page). */
export async function membersOfMany(db: Db, tenantId: string, clusterIds: string[], year: number) {
  if (clusterIds.length === 0) return [];
  return db.selectFrom('cluster_members as m')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.organisation_id'))
    .select(['m.cluster_id', 'm.organisation_id', 'm.role', 'o.name'])
    .where('m.tenant_id', '=', tenantId).where('m.cluster_id', 'in', clusterIds).where('m.year', '=', year)
    .orderBy(sql`array_position(array['head','deputy','member'], m.role)`).orderBy('o.sort_key').execute();
}

export async function followersOfMany(db: Db, tenantId: string, clusterIds: string[], year: number) {
  if (clusterIds.length === 0) return [];
  return db.selectFrom('cluster_followers as f')
    .innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'f.tenant_id').onRef('p.id', '=', 'f.person_id'))
    .select(['f.cluster_id', 'p.id as person_id', 'p.full_name'])
    .where('f.tenant_id', '=', tenantId).where('f.cluster_id', 'in', clusterIds).where('f.year', '=', year).execute();
}

// ── the clusters themselves (issue 14.2) ───────────────────────────────────────────────────────

/** The clusters and blocks organised under the prefixes, with a year's members and follower. */
export async function registryClusters(db: Db, tenantId: string, prefixes: string[], year: number, ids?: string[]) {
  if (prefixes.length === 0 || ids?.length === 0) return [];
  let q = db.selectFrom('clusters as c')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.organiser_id'))
    .select(['c.id', 'c.code', 'c.name', 'c.kind', 'c.organiser_id', 'c.closed_on', 'c.version', 'o.name as organiser_name', 'o.path as organiser_path'])
    .where('c.tenant_id', '=', tenantId).where(pathUnder('o.path', prefixes));
  if (ids) q = q.where('c.id', 'in', ids);
  const clusters = await q.orderBy('c.kind').orderBy('c.name_fold').orderBy('c.id').limit(500).execute();
  if (clusters.length === 0) return [];
  const found = clusters.map((c) => c.id);
  const [members, followers] = await Promise.all([
    db.selectFrom('cluster_members as m')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.organisation_id'))
      .select(['m.cluster_id', 'm.organisation_id', 'm.role', 'o.name', 'o.code'])
      .where('m.tenant_id', '=', tenantId).where('m.cluster_id', 'in', found).where('m.year', '=', year)
      .orderBy(sql`array_position(array['head','deputy','member'], m.role)`).orderBy('o.sort_key').execute(),
    db.selectFrom('cluster_followers as f')
      .innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'f.tenant_id').onRef('p.id', '=', 'f.person_id'))
      .select(['f.cluster_id', 'p.id', 'p.full_name']).where('f.tenant_id', '=', tenantId).where('f.cluster_id', 'in', found).where('f.year', '=', year).execute(),
  ]);
  return clusters.map((c) => ({
    ...c, year,
    members: members.filter((m) => m.cluster_id === c.id),
    follower: followers.find((f) => f.cluster_id === c.id) ?? null,
  }));
}
export type RegistryCluster = Awaited<ReturnType<typeof registryClusters>>[number];

export async function clusterCodeTaken(db: Db, tenantId: string, code: string, exceptId: string | null) {
  let q = db.selectFrom('clusters').select('id').where('tenant_id', '=', tenantId).where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function lockCluster(db: Db, tenantId: string, id: string) {
  return db.selectFrom('clusters').select(['version', 'closed_on']).where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Units of the tenant by id, with their paths. */
export async function unitsById(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organisations').select(['id', 'name', 'path']).where('tenant_id', '=', tenantId).where('id', 'in', [...new Set(ids)]).execute();
}

/** The paths of the units where each of these people has (had) an employment. */
export async function employmentPathsOf(db: Db, tenantId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db.selectFrom('employments as e')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
    .select(['e.person_id', 'o.path']).where('e.tenant_id', '=', tenantId).where('e.person_id', 'in', [...new Set(personIds)]).execute();
}
