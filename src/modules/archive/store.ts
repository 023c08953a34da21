import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { pathUnder } from '../organisations/index.ts';
import { containsPattern, type ArchiveFilter } from './model.ts';

type Db = Kysely<Database>;

/** The filters other than the name, on the awards aliased `a` (scope, form, years and revoked are in awards_recipient_name's INCLUDE). */
function filters(f: ArchiveFilter, scope: Expression<SqlBool> = pathUnder('a.recipient_path', f.prefixes)): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [scope];
  if (f.personId) out.push(sql<SqlBool>`a.person_id = ${f.personId}`);
  if (f.organisationId) out.push(sql<SqlBool>`a.organisation_id = ${f.organisationId}`);
  if (f.awardForm) out.push(sql<SqlBool>`a.award_form = ${f.awardForm}`);
  if (f.yearFrom !== undefined) out.push(sql<SqlBool>`a.year >= ${f.yearFrom}`);
  if (f.yearTo !== undefined) out.push(sql<SqlBool>`a.year <= ${f.yearTo}`);
  if (f.decisionNumber) out.push(sql<SqlBool>`a.decision_number = ${f.decisionNumber}`);
  if (f.revoked === 'exclude') out.push(sql<SqlBool>`a.revoked_on IS NULL`);
  if (f.revoked === 'only') out.push(sql<SqlBool>`a.revoked_on IS NOT NULL`);
  // the public archive: only awards a decision conferred (a number on it), never a record kept without one
  if (f.published) out.push(sql<SqlBool>`a.decision_number <> ''`);
  const after = f.after;
  if (after) {
    const sameDayLater = sql<SqlBool>`(a.recipient_sort_key, a.id) > (${after.sortKey}, ${after.id}::uuid)`;
    // newest decision first, undated decisions last (DESC NULLS LAST), then name order and id
    out.push(after.decidedOn === null
      ? sql<SqlBool>`(a.decided_on IS NULL AND ${sameDayLater})`
      : sql<SqlBool>`(a.decided_on < ${after.decidedOn} OR a.decided_on IS NULL OR (a.decided_on = ${after.decidedOn} AND ${sameDayLater}))`);
  }
  return out;
}

const ORDER = sql`ORDER BY a.decided_on DESC NULLS LAST, a.recipient_sort_key, a.id`;

/**
 * The page's awards (tenant, id and the order's keys), cut before anything is joined.
 *  - With a name: the fragment is matched in award_recipient_names (a few tens of thousands of
 *    distinct names, trigram GIN), and each matching name reads its awards, index-only, from
 *    awards_recipient_name (LATERAL … OFFSET 0 keeps that nested loop: the planner cannot guess how few
 *    names match a fragment and would otherwise walk the whole order index).
 *  - Without: the order index awards_archive_order, or the subtree's awards_recipient_path, or the
 *    btrees of form + year, decision number, person or collective, as the planner sees fit.
 */
function pageSql(tenantId: string, f: ArchiveFilter, ordered = true) {
  // a count (ordered false) stops at its LIMIT without sorting what it counts
  const order = ordered ? ORDER : sql``;
  const offset = f.offset ? sql`OFFSET ${f.offset}` : sql``;
  if (f.name) {
    // the subtree as a plain prefix comparison, which no index answers: with a name the scope is read from
    // awards_recipient_name's INCLUDE, never by walking a whole unit's awards once per matching name
    // (what the planner chose at 5 million rows when the unit looked small: 350 ms instead of a few)
    const scope = f.prefixes.length === 0 ? sql<SqlBool>`false`
      : sql<SqlBool>`(${sql.join(f.prefixes.map((p) => sql`substr(a.recipient_path, 1, ${p.length}) = ${p}`), sql` OR `)})`;
    const where = sql.join(filters(f, scope), sql` AND `);
    return sql`SELECT a.tenant_id, a.id, a.decided_on, a.recipient_sort_key
      FROM award_recipient_names n
      CROSS JOIN LATERAL (SELECT a.tenant_id, a.id, a.decided_on, a.recipient_sort_key FROM awards a
        WHERE a.tenant_id = n.tenant_id AND a.recipient_name_fold = n.name_fold AND ${where} OFFSET 0) a
      WHERE n.tenant_id = ${tenantId} AND n.name_fold LIKE ${containsPattern(f.name)}
      ${order} LIMIT ${f.limit} ${offset}`;
  }
  const where = sql.join(filters(f), sql` AND `);
  return sql`SELECT a.tenant_id, a.id, a.decided_on, a.recipient_sort_key FROM awards a
    WHERE a.tenant_id = ${tenantId} AND ${where} ${order} LIMIT ${f.limit} ${offset}`;
}

/**
 * The archive search, as one query (the API and bench/archive.ts run exactly this): the page is cut
 * on `awards` alone, then only its rows are joined to people, organisations and award forms.
 */
export function archiveQuery(db: Db, tenantId: string, f: ArchiveFilter) {
  return db.selectFrom(sql<{ tenant_id: string; id: string }>`(${pageSql(tenantId, f)})`.as('k'))
    .innerJoin('awards as a', (j) => j.onRef('a.tenant_id', '=', 'k.tenant_id').onRef('a.id', '=', 'k.id'))
    .leftJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.person_id'))
    .leftJoin('organisations as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.organisation_id'))
    .leftJoin('organisations as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.path', '=', 'a.recipient_path'))
    .leftJoin('organisations as up', (j) => j.onRef('up.tenant_id', '=', 'u.tenant_id').onRef('up.id', '=', 'u.parent_id'))
    .innerJoin('award_forms as f', 'f.code', 'a.award_form')
    .select(['a.id', 'a.person_id', 'a.organisation_id', 'a.award_form', 'f.name as award_form_name', 'a.year', 'a.basis',
      'a.decision_number', 'a.decided_on', 'a.decided_by', 'a.revoked_on', 'a.revocation_number', 'a.recipient_sort_key',
      'p.full_name as person_name', 'c.name as collective_name',
      // an imported award not matched yet (archive/history): the recipient as written
      'a.written_name', 'a.written_kind', 'a.written_unit', 'a.verification_code',
      // a person's unit is where they worked at decision time; a collective's is the organisation above it;
      // an award kept as written counts at its written unit (recipient_path)
      sql<string | null>`CASE WHEN a.organisation_id IS NOT NULL THEN up.id ELSE u.id END`.as('unit_id'),
      sql<string | null>`CASE WHEN a.organisation_id IS NOT NULL THEN up.name ELSE u.name END`.as('unit_name')])
    .orderBy(sql`a.decided_on DESC NULLS LAST`).orderBy('a.recipient_sort_key').orderBy('a.id');
}

export type ArchiveRow = Awaited<ReturnType<ReturnType<typeof archiveQuery>['execute']>>[number];

export async function searchArchive(db: Db, tenantId: string, f: ArchiveFilter): Promise<ArchiveRow[]> {
  return archiveQuery(db, tenantId, f).execute();
}

/**
 * How many awards the filter matches, counted up to `atMost` (platform/paging.ts: "1–50 trong hơn 1.000"): the
 * page's own query without its order, cursor and offset, so the same indexes answer it and it stops early.
 */
export async function countArchive(db: Db, tenantId: string, f: ArchiveFilter, atMost: number): Promise<number> {
  const counted = { ...f, after: undefined, offset: undefined, limit: atMost };
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM (${pageSql(tenantId, counted, false)}) AS bounded`.execute(db);
  return Number(rows[0]!.n);
}

/**
 * The tenant the public archive searches: the one named by its code, or, when the server hosts a single tenant
 * (the platform operator's aside), that one. Undefined when the code names none or the server hosts several.
 */
export async function publicTenant(db: Db, code: string | undefined, platformCode: string) {
  let query = db.selectFrom('tenants').select(['id', 'code', 'name']).where('code', '<>', platformCode);
  if (code !== undefined) query = query.where('code', '=', code);
  const rows = await query.orderBy('code').limit(2).execute();
  return rows.length === 1 ? rows[0] : undefined;
}
