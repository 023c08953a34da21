import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { membersSql } from '../records/index.ts';
import { disciplinesAtLeast, levelsAtLeast, ratingsAtLeast, spanOf, type Rule } from '../rules/index.ts';
import type { Judgement } from './evaluate.ts';

/**
 * Compiles a rule into one set-based query: every criterion becomes an aggregate over its record table
 * for the subjects in scope (one hash join each, not one lookup per person), and the rule's shape
 * becomes LEAST (all) / GREATEST (any) over the criteria's statuses: 2 met, 1 needs attestation,
 * 0 unmet — the scale evaluate.ts uses, so both give the same answer.
 */
export interface Compiled {
  /** LEFT JOINs of the per-criterion aggregates, each keyed by `sid` and joined on `s.id` */
  joins: RawBuilder<unknown>[];
  /** the status of `s.id` (0, 1 or 2) */
  status: RawBuilder<number>;
  /** whether a collective's members are needed (the `members` CTE) */
  needsMembers: boolean;
}

/**
 * Whom the rule is compiled for. Every aggregate reads the subjects from the relation `subjects` (the
 * MATERIALIZED CTE judgedCtes puts first), computed once per query: each aggregate starts from it and
 * joins its record table (a join, not `IN (SELECT …)`: the planner sizes a join from the CTE's row count,
 * but guesses 200 distinct values for an IN over a CTE and then loops an index scan per subject).
 */
interface Target {
  tenantId: string; recipient: 'individual' | 'collective'; judgement: Judgement;
}

const UNMET = sql<number>`0`;
const ATTEST = sql<number>`1`;

export function compileRule(rule: Rule, target: Target): Compiled {
  const joins: RawBuilder<unknown>[] = [];
  let needsMembers = false;
  const subjectColumn = sql.ref(`x.${target.recipient === 'individual' ? 'person_id' : 'organisation_id'}`);
  const t = target.tenantId;
  const Y = target.judgement.year;

  /** joins an aggregate `SELECT <sid>, <value> AS n … GROUP BY sid`, returns the alias */
  function aggregate(query: RawBuilder<unknown>): string {
    const alias = `c${joins.length}`;
    joins.push(sql`LEFT JOIN (${query}) ${sql.raw(alias)} ON ${sql.raw(alias)}.sid = s.id`);
    return alias;
  }
  const n = (alias: string, column = 'n') => sql.raw(`COALESCE(${alias}.${column}, 0)`);
  const when = (condition: RawBuilder<unknown>) => sql<number>`CASE WHEN ${condition} THEN 2 ELSE 0 END`;
  /** the record table `x` of the subtree's subjects: `FROM … WHERE` continues with more conditions on x */
  const ofSubjects = (table: string) => sql`subjects s JOIN ${sql.table(table)} x ON x.tenant_id = ${t} AND ${subjectColumn} = s.id`;

  function compile(r: Rule, depth: number): RawBuilder<number> {
    switch (r.type) {
      case 'all':
      case 'any': {
        const parts = r.rules.map((c) => compile(c, depth));
        if (parts.length === 1) return parts[0]!;
        return r.type === 'all' ? sql<number>`LEAST(${sql.join(parts)})` : sql<number>`GREATEST(${sql.join(parts)})`;
      }
      case 'rating': {
        const span = spanOf(r.years, Y);
        const alias = aggregate(sql`SELECT s.id AS sid, count(*) AS n FROM ${ofSubjects('annual_ratings')}
          WHERE x.year BETWEEN ${span.from} AND ${span.to} AND x.rating IN (${sql.join(ratingsAtLeast(r.atLeast))}) GROUP BY 1`);
        return when(sql`${n(alias)} >= ${r.min ?? span.to - span.from + 1}`);
      }
      case 'title': {
        const span = spanOf(r.years, Y, 1945);
        const alias = aggregate(sql`SELECT s.id AS sid, count(DISTINCT x.year) AS n FROM ${ofSubjects('awards')}
          WHERE x.award_form = ${r.awardForm} AND x.revoked_on IS NULL AND x.year BETWEEN ${span.from} AND ${span.to} GROUP BY 1`);
        return when(sql`${n(alias)} >= ${r.min ?? span.to - span.from + 1}`);
      }
      case 'initiative': {
        const span = spanOf(r.years, Y);
        const alias = aggregate(sql`SELECT s.id AS sid, count(*) AS n FROM ${ofSubjects('initiatives')}
          WHERE x.level IN (${sql.join(levelsAtLeast(r.atLeast))}) AND x.year BETWEEN ${span.from} AND ${span.to} GROUP BY 1`);
        return when(sql`${n(alias)} >= ${r.min ?? 1}`);
      }
      case 'award': {
        const span = spanOf(r.years, Y);
        const alias = aggregate(sql`SELECT s.id AS sid, count(*) AS n FROM ${ofSubjects('awards')}
          WHERE x.award_form = ${r.awardForm} AND x.basis = 'merit' AND x.revoked_on IS NULL
            AND x.year BETWEEN ${span.from} AND ${span.to} GROUP BY 1`);
        return when(sql`${n(alias)} >= ${r.min ?? 1}`);
      }
      case 'not_awarded': {
        const span = spanOf(r.years, Y);
        const form = r.awardForm === undefined ? sql`TRUE` : sql`x.award_form = ${r.awardForm}`;
        const alias = aggregate(sql`SELECT s.id AS sid, count(*) AS n FROM ${ofSubjects('awards')}
          WHERE ${form} AND x.revoked_on IS NULL AND x.year BETWEEN ${span.from} AND ${span.to} GROUP BY 1`);
        return when(sql`${n(alias)} = 0`);
      }
      case 'no_discipline': {
        const span = spanOf(r.years, Y);
        const alias = aggregate(sql`SELECT s.id AS sid, count(*) AS n FROM ${ofSubjects('disciplines')}
          WHERE x.form IN (${sql.join(disciplinesAtLeast(r.atLeast ?? 'reprimand'))})
            AND x.starts_on <= ${`${span.to}-12-31`} AND (x.ends_on IS NULL OR x.ends_on >= ${`${span.from}-01-01`}) GROUP BY 1`);
        return when(sql`${n(alias)} = 0`);
      }
      case 'qualifies': {
        const inner = depth < 5 ? target.judgement.resolve(r.awardForm) : null;
        return inner ? compile(inner, depth + 1) : UNMET;
      }
      case 'members_rated': {
        if (target.recipient !== 'collective') return UNMET;
        needsMembers = true;
        const alias = aggregate(sql`SELECT m.organisation_id AS sid, count(*) AS total,
            count(*) FILTER (WHERE r.rating IN (${sql.join(ratingsAtLeast(r.atLeast))})) AS n
          FROM members m LEFT JOIN annual_ratings r ON r.tenant_id = ${t} AND r.person_id = m.person_id AND r.year = ${Y}
          GROUP BY 1`);
        return when(share(n(alias), n(alias, 'total'), r.percent, r.strict));
      }
      case 'members_titled': {
        if (target.recipient !== 'collective') return UNMET;
        needsMembers = true;
        const alias = aggregate(sql`SELECT m.organisation_id AS sid, count(*) AS total,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM awards a WHERE a.tenant_id = ${t} AND a.person_id = m.person_id
              AND a.award_form = ${r.awardForm} AND a.year = ${Y} AND a.revoked_on IS NULL)) AS n
          FROM members m GROUP BY 1`);
        const byShare = r.percent === undefined ? sql`TRUE` : share(n(alias), n(alias, 'total'), r.percent, r.strict);
        const byCount = r.min === undefined ? sql`TRUE` : sql`${n(alias)} >= ${r.min}`;
        return when(sql`${byShare} AND ${byCount}`);
      }
      case 'members_no_discipline': {
        if (target.recipient !== 'collective') return UNMET;
        needsMembers = true;
        const alias = aggregate(sql`SELECT m.organisation_id AS sid, count(DISTINCT m.person_id) AS n
          FROM members m JOIN disciplines d ON d.tenant_id = ${t} AND d.person_id = m.person_id
            AND d.form IN (${sql.join(disciplinesAtLeast(r.atLeast))})
            AND d.starts_on <= ${`${Y}-12-31`} AND (d.ends_on IS NULL OR d.ends_on >= ${`${Y}-01-01`})
          GROUP BY 1`);
        return when(sql`${n(alias)} = 0`);
      }
      case 'attestation':
        return ATTEST;
    }
  }

  const status = compile(rule, 0);
  return { joins, status, needsMembers };
}

/** k of total reaches percent (more than it when strict); no members never does. Integer arithmetic, as in evaluate.ts. */
function share(k: RawBuilder<unknown>, total: RawBuilder<unknown>, percent: number, strict = false) {
  const op = sql.raw(strict ? '>' : '>=');
  return sql`(${total} > 0 AND ${k} * 100 ${op} ${percent}::numeric * ${total})`;
}

/**
 * The common table expressions `subjects` (the query given, yielding `id` and any columns the list shows),
 * `members` when needed and `judged` (the subjects' columns and `status`): put after WITH, then select
 * from `judged`. `subjects` is MATERIALIZED: computed once, read by every criterion. `membersOn` is the
 * day a collective's members are counted on.
 */
export function judgedCtes(compiled: Compiled, subjects: RawBuilder<unknown>, tenantId: string, membersOn: string) {
  const members = compiled.needsMembers
    ? sql`members AS (SELECT * FROM (${membersSql(tenantId, null, membersOn)}) x WHERE x.organisation_id IN (SELECT id FROM subjects)),`
    : sql``;
  return sql`subjects AS MATERIALIZED (${subjects}), ${members}
    judged AS (SELECT s.*, ${compiled.status} AS status FROM subjects s ${sql.join(compiled.joins, sql` `)})`;
}

/**
 * Two rules over the same subjects (the rule editor's preview: the rule in force and the draft): the
 * CTEs `subjects`, `members` when either needs them, `current_status (id, status)` and `draft_status (id, status)`,
 * each rule one set-based pass as in judgedCtes.
 */
export function comparedCtes(current: Compiled, draft: Compiled, subjects: RawBuilder<unknown>, tenantId: string, membersOn: string) {
  const members = current.needsMembers || draft.needsMembers
    ? sql`members AS (SELECT * FROM (${membersSql(tenantId, null, membersOn)}) x WHERE x.organisation_id IN (SELECT id FROM subjects)),`
    : sql``;
  return sql`subjects AS MATERIALIZED (${subjects}), ${members}
    current_status AS (SELECT s.id, ${current.status} AS status FROM subjects s ${sql.join(current.joins, sql` `)}),
    draft_status AS (SELECT s.id, ${draft.status} AS status FROM subjects s ${sql.join(draft.joins, sql` `)})`;
}

/**
 * Runs judged queries in a transaction of their own with settings for whole-subtree sets: JIT off (the
 * planner's estimates over the CTEs are large, and PostgreSQL then spends ~400 ms compiling a query that
 * runs in less), and work_mem 64 MB for these statements only (at the default 4 MB the hash joins and
 * aggregates over 200,000 subjects spill to disk; measured by bench/eligibility.ts). PGlite takes both.
 */
export async function judgedTransaction<T>(db: Kysely<Database>, run: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    return run(trx);
  });
}
