import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, TallyScope } from '../../platform/db/schema.ts';
import type { CountedPrefix } from './counted.ts';
import type { Group, RecipientKind } from './model.ts';
import { formsSeenBy } from '../awards/index.ts';

type Db = Kysely<Database>;

export interface AwardQuery {
  /** what counts: the minimal path prefixes (scope.ts) */
  prefixes: readonly CountedPrefix[];
  years: readonly number[];
  /** null: every form */
  forms: readonly string[] | null;
  recipient?: RecipientKind | undefined;
  group?: Group | undefined;
  /** the "by unit" row(s) each counted organisation's path counts in (a path may count in two rows) */
  links: { path: string[]; row: string[] };
}

/** One grouped row: by form, by year, the total, or by unit (the other keys null). */
export interface FigureRow {
  dim: 'form' | 'year' | 'total' | 'unit';
  form: string | null; year: number | null; unit: string | null;
  total: number; individuals: number; non_leaders: number; direct_workers: number; women: number;
  ethnic_minorities: number; money: number; priced: number;
}

/**
 * The tally scope (migrations/0018_award_tallies.sql) that answers a filter: a group (individuals
 * only), else the kind of recipient, else all. A group among collectives is nobody: null.
 */
export function tallyScope(q: Pick<AwardQuery, 'recipient' | 'group'>): TallyScope | null {
  if (q.group) return q.recipient === 'collective' ? null : q.group;
  return q.recipient ?? 'all';
}

const MEASURES = ['awards', 'individuals', 'non_leaders', 'direct_workers', 'women', 'ethnic_minorities', 'money', 'priced'] as const;
const AS: Record<(typeof MEASURES)[number], string> = {
  awards: 'total', individuals: 'individuals', non_leaders: 'non_leaders', direct_workers: 'direct_workers', women: 'women',
  ethnic_minorities: 'ethnic_minorities', money: 'money', priced: 'priced',
};

/**
 * Each measure summed: by unit over every link of a path (a merged unit's path counts in each row it
 * belongs to), otherwise over its first link only, so that a path counts once in a form, year or total.
 */
const SUMS = sql.join(MEASURES.map((m) => sql`CASE WHEN GROUPING(l.unit) = 0 THEN coalesce(sum(t.${sql.ref(m)}), 0)
  ELSE coalesce(sum(t.${sql.ref(m)}) FILTER (WHERE l.first IS NOT FALSE), 0) END::${sql.raw(m === 'money' ? 'bigint' : 'int')} AS ${sql.ref(AS[m])}`));

/**
 * The inclusive range of paths a prefix covers, for a btree range on the COLLATE "C" path: a subtree
 * runs from its path to its path + '~' (paths are ids: hex digits, '-' and '/', all below '~').
 */
function rangeOf(p: CountedPrefix) {
  return sql`(${p.path}, ${p.subtree ? `${p.path}~` : p.path})`;
}

/**
 * Every award figure in one statement and one pass, from the award tallies (0018) rather than the
 * awards: a province's whole history is ~61,000 tally rows per scope however many awards it has
 * (bench/statistics.ts has the figures at 5 million). The tally rows of the scope, years and counted
 * path ranges (one per path, year and form: the ranges do not overlap) are joined to the path → row
 * links and summed by form, by year, by unit and in total in one GROUPING SETS aggregate.
 * Revoked awards are in no tally; a tally row brought down to zero counts for nothing.
 */
export function awardFiguresQuery(tenantId: string, q: AwardQuery) {
  const scope = tallyScope(q);
  const where: RawBuilder<SqlBool>[] = [scope ? sql<SqlBool>`t.scope = ${scope}` : sql<SqlBool>`false`];
  if (q.forms) where.push(q.forms.length ? sql<SqlBool>`t.award_form = ANY(${q.forms as string[]}::text[])` : sql<SqlBool>`false`);
  const seen = new Set<string>();
  const first: boolean[] = [];
  for (const path of q.links.path) {
    first.push(!seen.has(path));
    seen.add(path);
  }
  return sql<FigureRow>`
    SELECT CASE GROUPING(t.award_form, t.year, l.unit) WHEN 3 THEN 'form' WHEN 5 THEN 'year' WHEN 6 THEN 'unit' ELSE 'total' END AS dim,
      t.award_form AS form, t.year, l.unit, ${SUMS}
    FROM (VALUES ${sql.join(q.prefixes.map(rangeOf))}) AS r (low, high)
    JOIN award_tallies t ON t.recipient_path >= r.low AND t.recipient_path <= r.high
    LEFT JOIN unnest(${q.links.path}::text[], ${q.links.row}::uuid[], ${first}::boolean[]) AS l (path, unit, first) ON l.path = t.recipient_path
    WHERE t.tenant_id = ${tenantId} AND t.year = ANY(${q.years as number[]}::int[]) AND t.awards <> 0 AND ${sql.join(where, sql` AND `)}
    GROUP BY GROUPING SETS ((t.award_form), (t.year), (l.unit), ())
    HAVING GROUPING(l.unit) = 1 OR l.unit IS NOT NULL`;
}

export async function awardFigures(db: Db, tenantId: string, q: AwardQuery): Promise<FigureRow[]> {
  if (q.prefixes.length === 0) return [];
  return (await awardFiguresQuery(tenantId, q).execute(db)).rows;
}

export async function awardForms(db: Db, tenantId: string) {
  return formsSeenBy(db, tenantId).select(['code', 'name', 'category', 'level', 'sort_order']).orderBy('sort_order').execute();
}

/** The instants a period of years covers in Việt Nam: from 1/1 of the first year to 1/1 after the last. */
const instants = (fromYear: number, toYear: number) => ({
  start: new Date(`${fromYear}-01-01T00:00:00+07:00`), end: new Date(`${toYear + 1}-01-01T00:00:00+07:00`),
});

export interface ReturnReasonRow { reason: string; count: number; candidates: number; last_at: Date; all_returns: number; all_candidates: number; reasons: number }

/**
 * Nominations returned for supplement in the period (the appraisal's "return" of a batch or of a
 * candidate), of batches whose nominating unit counts under the root, grouped by the reason as
 * written, latest first, at most `cap` reasons; each row also carries the totals over all reasons.
 */
export async function returnReasons(db: Db, tenantId: string, prefixFilter: Expression<SqlBool>, fromYear: number, toYear: number, cap: number) {
  const { start, end } = instants(fromYear, toYear);
  const result = await sql<ReturnReasonRow>`
    SELECT btrim(e.reason) AS reason, count(*)::int AS count, count(e.candidate_id)::int AS candidates, max(e.at) AS last_at,
      (sum(count(*)) OVER ())::int AS all_returns, (sum(count(e.candidate_id)) OVER ())::int AS all_candidates,
      (count(*) OVER ())::int AS reasons
    FROM nomination_events e
    JOIN nomination_batches b ON b.tenant_id = e.tenant_id AND b.id = e.batch_id
    JOIN organisations o ON o.tenant_id = b.tenant_id AND o.id = b.organisation_id
    WHERE e.tenant_id = ${tenantId} AND e.action = 'return' AND e.at >= ${start} AND e.at < ${end} AND ${prefixFilter}
    GROUP BY btrim(e.reason)
    ORDER BY max(e.at) DESC, btrim(e.reason)
    LIMIT ${cap}`.execute(db);
  return result.rows;
}

/** Organisation kinds that do not answer a movement with a plan of their own (as movements/store.ts responsesTo). */
const NOT_RESPONDING = ['sub_unit', 'residential_group', 'enterprise', 'cooperative'];

export interface ResponseRow {
  movement_id: string; name: string; issued_on: string; issuer: string; plan_due: string | null; registration_due: string | null;
  respondent_id: string; plan_issued_on: string | null; registered_at: Date | null;
}

/**
 * For each movement issued in the period by one of `issuerIds` (the root and the units above it),
 * each unit expected to respond — directly under the issuer, existing when the response plan was due
 * (or on the issue date), and counted under the root — with the date of its own implementing plan
 * and of its registration. One statement; the deadlines are judged in model.ts.
 */
export async function responses(db: Db, tenantId: string, issuerIds: readonly string[], prefixFilter: Expression<SqlBool>,
  fromYear: number, toYear: number, today: string) {
  if (issuerIds.length === 0) return [];
  const result = await sql<ResponseRow>`
    SELECT m.id AS movement_id, m.name, m.issued_on, io.name AS issuer, ph.plan_due, ph.registration_due,
      o.id AS respondent_id, child.issued_on AS plan_issued_on, r.registered_at
    FROM movements m
    JOIN organisations io ON io.tenant_id = m.tenant_id AND io.id = m.organisation_id
    CROSS JOIN LATERAL (
      SELECT min(p.due_on) FILTER (WHERE p.kind = 'response_plan') AS plan_due,
        min(p.due_on) FILTER (WHERE p.kind = 'registration') AS registration_due
      FROM movement_phases p WHERE p.tenant_id = m.tenant_id AND p.movement_id = m.id) ph
    JOIN organisations o ON o.tenant_id = m.tenant_id AND o.parent_id = m.organisation_id
      AND o.kind <> ALL(${NOT_RESPONDING}::text[])
      AND o.valid_from <= least(coalesce(ph.plan_due, m.issued_on), ${today}::date)
      AND (o.valid_to IS NULL OR o.valid_to >= least(coalesce(ph.plan_due, m.issued_on), ${today}::date))
    LEFT JOIN LATERAL (
      SELECT min(c.issued_on) AS issued_on FROM movements c
      WHERE c.tenant_id = m.tenant_id AND c.parent_movement_id = m.id AND c.organisation_id = o.id AND c.status <> 'draft') child ON true
    LEFT JOIN movement_registrations r ON r.tenant_id = m.tenant_id AND r.movement_id = m.id AND r.organisation_id = o.id
    WHERE m.tenant_id = ${tenantId} AND m.status <> 'draft' AND m.organisation_id = ANY(${issuerIds as string[]}::uuid[])
      AND m.issued_on BETWEEN ${`${fromYear}-01-01`}::date AND ${`${toYear}-12-31`}::date
      AND (ph.plan_due IS NOT NULL OR ph.registration_due IS NOT NULL) AND ${prefixFilter}
    ORDER BY m.issued_on DESC, m.id, o.sort_key`.execute(db);
  return result.rows;
}
