import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { AwardBasis } from '../records/index.ts';
import { countedPathFilter, type CountedPrefix } from '../statistics/index.ts';
import { leaderRank, undatedAwardYear, type AwardFormInfo, type AwardGroup, type ReportingPeriod } from './model.ts';
import type { MovementGroup, MovementKind } from './form-0601.ts';
import type { BodyGroup, CouncilGroup } from './form-0604.ts';
import type { StaffGroup } from './form-0605.ts';
import { formsSeenBy } from '../awards/index.ts';

type Db = Kysely<Database>;

/**
 * The statutory forms' figures, each one set-based query grouped by what the form breaks down by;
 * the forms (form-06xx.ts) sum the groups into their cells. Every query takes the subtree as path
 * prefixes (statistics/scope.ts countedPrefixes): the reporting unit's subtree and the organisations
 * merged into it that existed in the reporting year.
 */

export async function loadAwardForms(db: Db, tenantId: string): Promise<AwardFormInfo[]> {
  return formsSeenBy(db, tenantId).select(['code', 'name', 'recipient', 'level']).orderBy('sort_order').execute();
}

/** The tenant's kind: a province's State awards are proposed by the province, a ministry's by the ministry. */
export async function tenantKind(db: Db, tenantId: string): Promise<'province' | 'ministry'> {
  const row = await db.selectFrom('tenants').select('kind').where('id', '=', tenantId).executeTakeFirstOrThrow();
  return row.kind as 'province' | 'ministry';
}

/** Who the reporting unit's forms go to: its parent and the parent's standing agency. */
export async function parentOf(db: Db, tenantId: string, parentId: string | null) {
  if (!parentId) return null;
  const row = await db.selectFrom('organisations as p')
    .leftJoin('organisations as s', (j) => j.onRef('s.tenant_id', '=', 'p.tenant_id').onRef('s.id', '=', 'p.standing_agency_id'))
    .select(['p.name', 's.name as standingAgencyName'])
    .where('p.tenant_id', '=', tenantId).where('p.id', '=', parentId).executeTakeFirst();
  return row ?? null;
}

/** 0601: movements issued in the period by an organisation of the subtree (drafts are not launched). */
export async function movementGroups(db: Db, tenantId: string, prefixes: readonly CountedPrefix[], period: ReportingPeriod): Promise<MovementGroup[]> {
  const rows = await sql<{ by_root: boolean; kind: MovementKind; period_start: string; period_end: string; n: number }>`
    SELECT o.parent_id IS NULL AS by_root, m.kind, m.period_start, m.period_end, count(*)::int AS n
    FROM movements m
    JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.organisation_id
    WHERE m.tenant_id = ${tenantId} AND m.status IN ('issued', 'closed')
      AND m.issued_on BETWEEN ${period.from} AND ${period.to} AND ${countedPathFilter('o.path', prefixes)}
    GROUP BY 1, 2, 3, 4`.execute(db);
  return rows.rows.map((r) => ({ byRoot: r.by_root, kind: r.kind, periodStart: r.period_start, periodEnd: r.period_end, n: r.n }));
}

/**
 * 0602, 0603: the awards of these forms decided in the period (undated ones as of 31/12 of their
 * year), not revoked, whose recipient was in the subtree at decision time (awards.recipient_path).
 * The recipient's groups are the ones awards/recipient.ts copied onto the award (0013); a leader's
 * rank comes from the unit at that path.
 */
export async function awardGroups(db: Db, tenantId: string, prefixes: readonly CountedPrefix[], period: ReportingPeriod,
  awardForms: readonly string[]): Promise<AwardGroup[]> {
  if (awardForms.length === 0) return [];
  const rows = await sql<{
    award_form: string; collective: boolean; enterprise: boolean; leader: boolean; unit_depth: number | null; unit_level: string | null;
    unit_kind: string | null; direct_worker: boolean; basis: AwardBasis; n: number;
  }>`
    SELECT a.award_form, a.organisation_id IS NOT NULL AS collective, coalesce(c.kind = 'enterprise', false) AS enterprise,
      coalesce(a.recipient_leader, false) AS leader, u.depth AS unit_depth, u.level AS unit_level, u.kind AS unit_kind,
      coalesce(a.recipient_direct_worker, false) AS direct_worker, a.basis, count(*)::int AS n
    FROM awards a
    LEFT JOIN organisations c ON c.tenant_id = a.tenant_id AND c.id = a.organisation_id
    LEFT JOIN organisations u ON a.recipient_leader AND u.tenant_id = a.tenant_id AND u.path = a.recipient_path
    WHERE a.tenant_id = ${tenantId} AND a.award_form IN (${sql.join([...awardForms])}) AND a.revoked_on IS NULL
      AND (a.decided_on BETWEEN ${period.from} AND ${period.to} OR (a.decided_on IS NULL AND a.year = ${undatedAwardYear(period)}))
      AND ${countedPathFilter('a.recipient_path', prefixes)}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`.execute(db);
  return rows.rows.map((r) => ({
    awardForm: r.award_form, collective: r.collective, enterprise: r.enterprise,
    leader: !r.collective && r.leader ? leaderRank(r.unit_depth === null ? null : { depth: r.unit_depth, level: r.unit_level!, kind: r.unit_kind! }) : null,
    directWorker: !r.collective && r.direct_worker, basis: r.basis, n: r.n,
  }));
}

/** The standing agencies: organisations some organisation names as the one doing its TĐKT work. */
const STANDING_AGENCY = sql`EXISTS (SELECT 1 FROM organisations x WHERE x.tenant_id = s.tenant_id AND x.standing_agency_id = s.id)`;

/** 0604: the standing agencies of the subtree existing during the period, by name, parent's name and level. */
export async function bodyGroups(db: Db, tenantId: string, prefixes: readonly CountedPrefix[], period: ReportingPeriod): Promise<BodyGroup[]> {
  const rows = await sql<{ name_fold: string; parent_name_fold: string | null; level: string; n: number }>`
    SELECT s.name_fold, p.name_fold AS parent_name_fold, s.level, count(*)::int AS n
    FROM organisations s
    LEFT JOIN organisations p ON p.tenant_id = s.tenant_id AND p.id = s.parent_id
    WHERE s.tenant_id = ${tenantId} AND ${countedPathFilter('s.path', prefixes)} AND ${STANDING_AGENCY}
      AND s.valid_from <= ${period.to} AND (s.valid_to IS NULL OR s.valid_to >= ${period.from})
    GROUP BY 1, 2, 3`.execute(db);
  return rows.rows.map((r) => ({ nameFold: r.name_fold, parentNameFold: r.parent_name_fold, level: r.level, n: r.n }));
}

/** 0604 (under the table): the TĐKT councils of the subtree in force during the period, by level. */
export async function councilGroups(db: Db, tenantId: string, prefixes: readonly CountedPrefix[], period: ReportingPeriod): Promise<CouncilGroup[]> {
  const rows = await sql<{ level: string; n: number }>`
    SELECT o.level, count(*)::int AS n
    FROM councils c JOIN organisations o ON o.tenant_id = c.tenant_id AND o.id = c.organisation_id
    WHERE c.tenant_id = ${tenantId} AND ${countedPathFilter('o.path', prefixes)}
      AND c.valid_from <= ${period.to} AND (c.valid_to IS NULL OR c.valid_to >= ${period.from})
    GROUP BY 1`.execute(db);
  return rows.rows;
}

/**
 * 0605: the people employed during the period in a standing agency of the subtree, each once (their
 * latest such employment gives their post and level), with the days of all their employments in
 * any standing agency of the tenant up to the period's end.
 */
export async function staffGroups(db: Db, tenantId: string, prefixes: readonly CountedPrefix[], period: ReportingPeriod): Promise<StaffGroup[]> {
  const rows = await sql<{
    female: boolean; ethnic_minority: boolean; leader: boolean; level: string; birth_year: number | null; seniority_days: number; n: number;
  }>`
    WITH agencies AS (
      SELECT s.id, s.path, s.level FROM organisations s WHERE s.tenant_id = ${tenantId} AND ${STANDING_AGENCY}
    ), staff AS (
      SELECT DISTINCT ON (e.person_id) e.person_id, e.is_leader, ag.level
      FROM employments e JOIN agencies ag ON ag.id = e.organisation_id
      WHERE e.tenant_id = ${tenantId} AND ${countedPathFilter('ag.path', prefixes)}
        AND e.start_date <= ${period.to} AND (e.end_date IS NULL OR e.end_date >= ${period.from})
      ORDER BY e.person_id, e.start_date DESC
    ), seniority AS (
      SELECT e.person_id, sum(least(coalesce(e.end_date, ${period.to}::date), ${period.to}::date) - e.start_date + 1)::int AS days
      FROM employments e JOIN agencies ag ON ag.id = e.organisation_id
      WHERE e.tenant_id = ${tenantId} AND e.start_date <= ${period.to} AND e.person_id IN (SELECT person_id FROM staff)
      GROUP BY e.person_id
    )
    SELECT p.gender = 'female' AS female, p.ethnicity <> 'Kinh' AS ethnic_minority, st.is_leader AS leader, st.level,
      p.birth_year, sn.days AS seniority_days, count(*)::int AS n
    FROM staff st
    JOIN people p ON p.tenant_id = ${tenantId} AND p.id = st.person_id
    JOIN seniority sn ON sn.person_id = st.person_id
    GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  return rows.rows.map((r) => ({
    female: r.female, ethnicMinority: r.ethnic_minority, leader: r.leader, level: r.level,
    birthYear: r.birth_year, seniorityDays: r.seniority_days, n: r.n,
  }));
}
