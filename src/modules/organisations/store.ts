import { sql, type Expression, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { Database, OrganisationRow, OrganisationsTable } from '../../platform/db/schema.ts';

import { foldVietnamese } from '../../platform/vn/fold.ts';
import { textSortKey } from '../../platform/vn/sort.ts';
import { depthOf, pathFor, type OrganisationInput } from './model.ts';

type Db = Kysely<Database>;

/** The row for a new organisation: path, depth, folded name and sort key are derived here, once. */
export function organisationRow(tenantId: string, id: string, parentPath: string | null, input: OrganisationInput, now: Date): Insertable<OrganisationsTable> {
  const path = pathFor(parentPath, id);
  return {
    tenant_id: tenantId, id, parent_id: input.parentId, path, depth: depthOf(path),
    name: input.name, short_name: input.shortName ?? null, name_fold: foldVietnamese(input.name), sort_key: textSortKey(input.name),
    kind: input.kind, level: input.level, admin_code: input.adminCode ?? null, agency_code: input.agencyCode ?? null, code: input.code ?? null,
    valid_from: input.validFrom, valid_to: input.validTo ?? null, successor_id: input.successorId ?? null,
    standing_agency_id: input.standingAgencyId ?? null, created_at: now, updated_at: now,
  };
}

/** `path LIKE p1% OR path LIKE p2% …` — the scope filter every organisation-bound query carries. */
export function pathUnder(column: string, prefixes: readonly string[]): Expression<SqlBool> {
  if (prefixes.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(prefixes.map((p) => sql`${sql.ref(column)} LIKE ${`${p}%`}`), sql` OR `)})`;
}

/** Valid on a calendar date: from ≤ date ≤ to (open-ended when to is null). */
export function validOn(fromColumn: string, toColumn: string, date: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(fromColumn)} <= ${date} AND (${sql.ref(toColumn)} IS NULL OR ${sql.ref(toColumn)} >= ${date}))`;
}

export async function findOrganisation(db: Db, tenantId: string, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll()
    .where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationsByIds(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organisations').select(['id', 'name', 'path', 'valid_to'])
    .where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export interface TreeFilter { asOf: string | null }

/** The organisations under the given subtree roots, valid on a date (or all of them), parents first. */
export async function listOrganisations(db: Db, tenantId: string, prefixes: readonly string[], filter: TreeFilter) {
  let query = db.selectFrom('organisations').selectAll()
    .where('tenant_id', '=', tenantId).where(pathUnder('path', prefixes));
  if (filter.asOf) query = query.where(validOn('valid_from', 'valid_to', filter.asOf));
  return query.orderBy('depth').orderBy('sort_key').execute();
}

/** The units this one took over: by their one successor link, or among several (organisation_successions, 0027). */
export async function findPredecessors(db: Db, tenantId: string, id: string) {
  return db.selectFrom('organisations as o').select(['o.id', 'o.name', 'o.valid_to'])
    .where('o.tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('o.successor_id', '=', id), eb.exists(eb.selectFrom('organisation_successions as s').select('s.successor_id')
      .whereRef('s.tenant_id', '=', 'o.tenant_id').whereRef('s.predecessor_id', '=', 'o.id').where('s.successor_id', '=', id))]))
    .orderBy('o.sort_key').execute();
}

/**
 * The form's successor link, kept in organisation_successions too: the one successor the form names
 * replaces the unit's links (several successors come from the onboarding import).
 */
export async function replaceSuccessors(db: Db, tenantId: string, predecessorId: string, successorId: string | null, onDate: string) {
  await db.deleteFrom('organisation_successions').where('tenant_id', '=', tenantId).where('predecessor_id', '=', predecessorId).execute();
  if (successorId) {
    await db.insertInto('organisation_successions').values({ tenant_id: tenantId, predecessor_id: predecessorId, successor_id: successorId, on_date: onDate }).execute();
  }
}

/**
 * Everything that counts under an organisation for figures on a date, across the 2025 reorganisation:
 * its subtree, plus organisations whose successor is in it (an abolished district counts under the
 * commune that took it over), plus their own sub-units that have no successor of their own.
 */
export async function countedUnder(db: Db, tenantId: string, rootPath: string, date: string) {
  const rows = await sql<{ id: string; name: string; path: string }>`
    WITH RECURSIVE counted (id) AS (
      SELECT id FROM organisations WHERE tenant_id = ${tenantId} AND path LIKE ${`${rootPath}%`}
      UNION
      SELECT o.id FROM organisations o JOIN counted c
        ON o.successor_id = c.id
        -- a unit split among several successors counts under each of them (0027)
        OR EXISTS (SELECT 1 FROM organisation_successions s WHERE s.tenant_id = o.tenant_id AND s.predecessor_id = o.id AND s.successor_id = c.id)
        OR (o.parent_id = c.id AND o.successor_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM organisation_successions s WHERE s.tenant_id = o.tenant_id AND s.predecessor_id = o.id))
      WHERE o.tenant_id = ${tenantId}
    )
    SELECT o.id, o.name, o.path FROM organisations o JOIN counted c ON c.id = o.id
    WHERE o.tenant_id = ${tenantId} AND o.valid_from <= ${date} AND (o.valid_to IS NULL OR o.valid_to >= ${date})
    ORDER BY o.sort_key`.execute(db);
  return rows.rows;
}

/** The organisation that finally took over from this one (follows successor links to the end). */
export async function currentSuccessor(db: Db, tenantId: string, id: string) {
  const rows = await sql<{ id: string; name: string; step: number }>`
    WITH RECURSIVE chain (id, step) AS (
      SELECT successor_id, 1 FROM organisations WHERE tenant_id = ${tenantId} AND id = ${id} AND successor_id IS NOT NULL
      UNION ALL
      SELECT o.successor_id, chain.step + 1 FROM organisations o JOIN chain ON o.id = chain.id
      WHERE o.tenant_id = ${tenantId} AND o.successor_id IS NOT NULL AND chain.step < 50
    )
    SELECT o.id, o.name, chain.step FROM chain JOIN organisations o ON o.id = chain.id AND o.tenant_id = ${tenantId}
    ORDER BY chain.step DESC LIMIT 1`.execute(db);
  return rows.rows[0] ?? null;
}

export async function insertOrganisation(db: Db, row: Insertable<OrganisationsTable>) {
  await db.insertInto('organisations').values(row).execute();
}

/**
 * Serialises changes to the shape of a tenant's tree (moves, imports): the tenant's row is the lock, which
 * PGlite, PostgreSQL and Citus (a reference table) all take the same way.
 */
export async function lockTree(db: Db, tenantId: string) {
  await db.selectFrom('tenants').select('id').where('id', '=', tenantId).forUpdate().execute();
}

/** The organisation as it is now, its row locked until the transaction ends (edits do not overwrite each other). */
export async function lockOrganisation(db: Db, tenantId: string, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id)
    .forUpdate().executeTakeFirst();
}

/** Moves a subtree in one statement: every descendant's path gets the new prefix. */
export async function rebaseSubtree(db: Db, tenantId: string, oldPrefix: string, newPrefix: string) {
  const depthDelta = newPrefix.split('/').length - oldPrefix.split('/').length;
  await db.updateTable('organisations')
    .set({
      path: sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})`,
      depth: sql<number>`depth + ${depthDelta}`,
    })
    .where('tenant_id', '=', tenantId).where('path', 'like', `${oldPrefix}%`).execute();
}

export async function membersOn(db: Db, tenantId: string, organisationId: string, date: string) {
  return db.selectFrom('employments as e')
    .innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'))
    .select(['e.id as employmentId', 'p.id as personId', 'p.full_name as fullName', 'e.position', 'e.is_leader as isLeader',
      'e.start_date as startDate', 'e.end_date as endDate'])
    .where('e.tenant_id', '=', tenantId).where('e.organisation_id', '=', organisationId)
    .where(validOn('e.start_date', 'e.end_date', date))
    .orderBy('e.is_leader', 'desc').orderBy('p.sort_key').execute();
}

export async function councilOf(db: Db, tenantId: string, organisationId: string, date: string) {
  const council = await db.selectFrom('councils').selectAll()
    .where('tenant_id', '=', tenantId).where('organisation_id', '=', organisationId)
    .where(validOn('valid_from', 'valid_to', date)).orderBy('valid_from', 'desc').executeTakeFirst();
  if (!council) return null;
  const members = await db.selectFrom('council_members as m')
    .innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'))
    .select(['p.id as personId', 'p.full_name as fullName', 'm.role', 'm.title'])
    .where('m.tenant_id', '=', tenantId).where('m.council_id', '=', council.id)
    // a member's own term, when it is not the council's (replaced mid-term)
    .where(sql<boolean>`(m.term_from IS NULL OR m.term_from <= ${date}) AND (m.term_to IS NULL OR m.term_to >= ${date})`)
    .orderBy(sql`array_position(array['chair','vice_chair','standing_member','member','secretary'], m.role)`)
    .orderBy('p.sort_key').execute();
  return { id: council.id, name: council.name, establishedBy: council.established_by, validFrom: council.valid_from, members };
}

/** Clusters and blocks an organisation organises or belongs to in a year, with their members. */
export async function clustersOf(db: Db, tenantId: string, organisationId: string, year: number) {
  const clusters = await db.selectFrom('clusters as c')
    .leftJoin('cluster_members as own', (j) => j.onRef('own.tenant_id', '=', 'c.tenant_id')
      .onRef('own.cluster_id', '=', 'c.id').on('own.year', '=', year).on('own.organisation_id', '=', organisationId))
    .select(['c.id', 'c.kind', 'c.name', 'c.organiser_id', 'own.role'])
    .where('c.tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('c.organiser_id', '=', organisationId), eb('own.organisation_id', 'is not', null)]))
    .orderBy('c.name').execute();
  if (clusters.length === 0) return [];
  const ids = clusters.map((c) => c.id);
  const [members, followers] = await Promise.all([
    db.selectFrom('cluster_members as m')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.organisation_id'))
      .select(['m.cluster_id', 'm.organisation_id as organisationId', 'o.name', 'm.role'])
      .where('m.tenant_id', '=', tenantId).where('m.cluster_id', 'in', ids).where('m.year', '=', year)
      .orderBy(sql`array_position(array['head','deputy','member'], m.role)`).orderBy('o.sort_key').execute(),
    db.selectFrom('cluster_followers as f')
      .innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'f.tenant_id').onRef('p.id', '=', 'f.person_id'))
      .select(['f.cluster_id', 'p.id as personId', 'p.full_name as fullName'])
      .where('f.tenant_id', '=', tenantId).where('f.cluster_id', 'in', ids).where('f.year', '=', year).execute(),
  ]);
  return clusters.map((c) => ({
    id: c.id, kind: c.kind, name: c.name, year,
    role: (c.organiser_id === organisationId ? 'organiser' : c.role ?? 'member') as 'organiser' | 'head' | 'deputy' | 'member',
    members: members.filter((m) => m.cluster_id === c.id).map(({ cluster_id: _, ...m }) => m),
    follower: followers.filter((f) => f.cluster_id === c.id).map(({ cluster_id: _, ...f }) => f)[0] ?? null,
  }));
}

export interface TreeDefect { tenantId: string; id: string; name: string; path: string; expectedPath: string | null }

/**
 * Organisations whose path is not their parent's path plus their own id — a cycle (`/…/X/Y/X/`), a path left
 * behind by an interrupted move, or a parent that does not exist. One set-based query; an empty list is a sound tree.
 */
export async function findTreeDefects(db: Db, tenantId?: string): Promise<TreeDefect[]> {
  const rows = await sql<{ tenant_id: string; id: string; name: string; path: string; expected_path: string | null }>`
    SELECT o.tenant_id, o.id, o.name, o.path,
           CASE WHEN o.parent_id IS NULL THEN '/' || o.id || '/' ELSE p.path || o.id || '/' END AS expected_path
      FROM organisations o
      LEFT JOIN organisations p ON p.tenant_id = o.tenant_id AND p.id = o.parent_id
     WHERE (${tenantId ?? null}::uuid IS NULL OR o.tenant_id = ${tenantId ?? null}::uuid)
       AND (o.path IS DISTINCT FROM CASE WHEN o.parent_id IS NULL THEN '/' || o.id || '/' ELSE p.path || o.id || '/' END)
     ORDER BY o.tenant_id, o.path`.execute(db);
  return rows.rows.map((r) => ({ tenantId: r.tenant_id, id: r.id, name: r.name, path: r.path, expectedPath: r.expected_path }));
}
