import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

/**
 * The statutory forms' figures counted again, directly and independently of store.ts and the form
 * files: one plain SQL count per cell, written from the rules stated at the top of each form file.
 * The reporting year Y runs from 1/12/(Y-1) to 30/11/Y; an undated award counts as of 31/12 of its year.
 */
type Db = Kysely<Database>;
type Where = RawBuilder<unknown>;

const period = (year: number) => ({ from: `${year - 1}-12-01`, to: `${year}-11-30` });
const count = async (db: Db, query: RawBuilder<{ n: number }>) => (await query.execute(db)).rows[0]!.n;

export interface Scope { tenantId: string; path: string }

export function awardCount(db: Db, scope: Scope, year: number, forms: readonly string[], where: Where) {
  const { from, to } = period(year);
  return count(db, sql<{ n: number }>`SELECT count(*)::int AS n FROM awards a
    LEFT JOIN organisations c ON c.tenant_id = a.tenant_id AND c.id = a.organisation_id
    LEFT JOIN organisations u ON u.tenant_id = a.tenant_id AND u.path = a.recipient_path
    WHERE a.tenant_id = ${scope.tenantId} AND a.recipient_path LIKE ${`${scope.path}%`} AND a.revoked_on IS NULL
      AND coalesce(a.decided_on, make_date(a.year, 12, 31)) BETWEEN ${from}::date AND ${to}::date
      AND a.award_form IN (${sql.join([...forms])}) AND ${where}`);
}

const TOP = sql`(u.parent_id IS NULL OR u.level = 'central')`;
const DEPT = sql`((u.depth = 1 AND u.level = 'province') OR (u.level = 'district' AND u.kind = 'peoples_committee'))`;
const PERSON = sql`a.person_id IS NOT NULL`;

/** The rows of 0602 (from Mã số 06) and 0603 (from 02) by recipient, then by basis; null: a row left blank. */
export function recipientAndBasisRows(firstRecipient: number, firstBasis: number): [string, Where | null][] {
  const code = (n: number) => String(n).padStart(2, '0');
  const recipient: (Where | null)[] = [
    sql`a.organisation_id IS NOT NULL`, sql`c.kind = 'enterprise'`, null, PERSON,
    sql`${PERSON} AND a.recipient_leader AND ${TOP}`,
    sql`${PERSON} AND a.recipient_leader AND NOT ${TOP} AND ${DEPT}`,
    null,
    sql`${PERSON} AND a.recipient_leader AND NOT ${TOP} AND NOT ${DEPT}`,
    sql`${PERSON} AND a.recipient_direct_worker`,
  ];
  const basis: (Where | null)[] = [sql`a.basis = 'merit'`, sql`a.basis = 'thematic'`, sql`a.basis = 'one_off'`, null,
    sql`a.basis = 'long_service'`, null, null];
  return [
    ...recipient.map((w, i): [string, Where | null] => [code(firstRecipient + i), w]),
    ...basis.map((w, i): [string, Where | null] => [code(firstBasis + i), w]),
  ];
}

export function movementCount(db: Db, scope: Scope, year: number, where: Where) {
  const { from, to } = period(year);
  return count(db, sql<{ n: number }>`SELECT count(*)::int AS n FROM movements m
    JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.organisation_id
    WHERE m.tenant_id = ${scope.tenantId} AND o.path LIKE ${`${scope.path}%`} AND m.status <> 'draft'
      AND m.issued_on BETWEEN ${from}::date AND ${to}::date AND ${where}`);
}

const after = sql`(m.period_end + 1)`;
const plus = (years: number) => sql`(m.period_start + make_interval(years => ${years}))::date`;
export const MOVEMENT_ROWS: [string, Where | null][] = [
  ['01', sql`true`], ['02', null], ['03', sql`o.parent_id IS NULL`], ['04', null], ['05', sql`o.parent_id IS NOT NULL`],
  ['06', sql`${after} < ${plus(1)}`], ['07', sql`${after} = ${plus(1)}`], ['08', sql`${after} > ${plus(1)} AND ${after} < ${plus(3)}`],
  ['09', sql`${after} >= ${plus(3)} AND ${after} < ${plus(5)}`], ['10', sql`${after} >= ${plus(5)}`],
  ['11', sql`m.kind <> 'regular'`], ['12', sql`m.kind = 'regular'`],
];

const AGENCY_IDS = sql`(SELECT standing_agency_id FROM organisations WHERE standing_agency_id IS NOT NULL)`;

export function bodyCount(db: Db, scope: Scope, year: number, where: Where) {
  const { from, to } = period(year);
  return count(db, sql<{ n: number }>`SELECT count(*)::int AS n FROM organisations s
    LEFT JOIN organisations p ON p.tenant_id = s.tenant_id AND p.id = s.parent_id
    WHERE s.tenant_id = ${scope.tenantId} AND s.path LIKE ${`${scope.path}%`} AND s.id IN ${AGENCY_IDS}
      AND s.valid_from <= ${to}::date AND coalesce(s.valid_to, '9999-12-31') >= ${from}::date AND ${where}`);
}

export const BODY_ROWS: [string, Where][] = [
  ['01', sql`true`], ['02', sql`s.name LIKE 'Vụ %'`], ['03', sql`p.name LIKE 'Vụ %'`],
  ['04', sql`p.name = 'Sở Nội vụ' AND s.name LIKE 'Ban %'`], ['05', sql`p.name = 'Sở Nội vụ' AND s.name LIKE 'Phòng %'`],
];

export function councilCount(db: Db, scope: Scope, year: number) {
  const { from, to } = period(year);
  return count(db, sql<{ n: number }>`SELECT count(*)::int AS n FROM councils c JOIN organisations o ON o.tenant_id = c.tenant_id AND o.id = c.organisation_id
    WHERE c.tenant_id = ${scope.tenantId} AND o.path LIKE ${`${scope.path}%`}
      AND c.valid_from <= ${to}::date AND coalesce(c.valid_to, '9999-12-31') >= ${from}::date`);
}

/** Staff of the standing agencies in the period: [everyone, women] matching `where` (on people p and their days). */
export async function staffCount(db: Db, scope: Scope, year: number, where: Where): Promise<[number, number]> {
  const { from, to } = period(year);
  const rows = await sql<{ total: number; women: number }>`
    WITH staff AS (
      SELECT DISTINCT e.person_id FROM employments e JOIN organisations s ON s.tenant_id = e.tenant_id AND s.id = e.organisation_id
      WHERE e.tenant_id = ${scope.tenantId} AND s.id IN ${AGENCY_IDS} AND s.path LIKE ${`${scope.path}%`}
        AND e.start_date <= ${to}::date AND coalesce(e.end_date, '9999-12-31') >= ${from}::date
    ), p AS (
      SELECT p.*, ${year} - p.birth_year AS age,
        (SELECT sum(least(coalesce(e.end_date, ${to}::date), ${to}::date) - e.start_date + 1) FROM employments e
         WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id AND e.organisation_id IN ${AGENCY_IDS} AND e.start_date <= ${to}::date) AS days,
        (SELECT e.is_leader FROM employments e JOIN organisations s ON s.tenant_id = e.tenant_id AND s.id = e.organisation_id
         WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id AND s.id IN ${AGENCY_IDS} AND s.path LIKE ${`${scope.path}%`}
           AND e.start_date <= ${to}::date AND coalesce(e.end_date, '9999-12-31') >= ${from}::date
         ORDER BY e.start_date DESC LIMIT 1) AS leader
      FROM people p JOIN staff ON staff.person_id = p.id WHERE p.tenant_id = ${scope.tenantId}
    )
    SELECT count(*)::int AS total, (count(*) FILTER (WHERE p.gender = 'female'))::int AS women FROM p WHERE ${where}`.execute(db);
  return [rows.rows[0]!.total, rows.rows[0]!.women];
}

export const STAFF_ROWS: [string, Where | null][] = [
  ['01', sql`true`], ['02', sql`p.age <= 30`], ['03', sql`p.age BETWEEN 31 AND 40`], ['04', sql`p.age BETWEEN 41 AND 50`],
  ['05', sql`p.age BETWEEN 51 AND 55`], ['06', sql`p.age BETWEEN 56 AND 60`], ['07', sql`p.age > 60`],
  ['08', null], ['09', null], ['10', null], ['11', null], ['12', null],
  ['13', sql`p.days < 5 * 365.25`], ['14', sql`p.days >= 5 * 365.25 AND p.days < 10 * 365.25`], ['15', sql`p.days >= 10 * 365.25`],
];
