import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';

type Db = Kysely<Database>;

/**
 * The award tallies (migrations/0018_award_tallies.sql) the statistics read instead of the awards.
 * Every write that changes what an award counts in — its recipient's path or groups, its money, its
 * revocation — goes through retallyAwards, in the writer's transaction.
 */

/**
 * Awards by a condition on `a` using only the columns `awards` and its tally entries share (id,
 * person_id, organisation_id, recipient_path, year, award_form): it is read against both.
 */
export type AwardCondition = Expression<SqlBool>;

const SUMS = sql`count(*), count(*) FILTER (WHERE a.individual), count(*) FILTER (WHERE a.non_leader),
  count(*) FILTER (WHERE a.direct_worker), count(*) FILTER (WHERE a.female), count(*) FILTER (WHERE a.ethnic_minority),
  coalesce(sum(a.amount), 0), count(a.amount)`;

/**
 * Adds (+1) or takes out (-1) what the awards `which` selects count for, in one statement. Rows are
 * touched in key order, so two writers lock them in the same order. A row may come down to zero and
 * stay: it counts for nothing.
 */
async function addTallies(db: Db, tenantId: string, which: AwardCondition, sign: 1 | -1) {
  await sql`
    INSERT INTO award_tallies AS t (tenant_id, scope, year, recipient_path, award_form, awards, individuals, non_leaders,
      direct_workers, women, ethnic_minorities, money, priced)
    SELECT a.tenant_id, a.scope, a.year, a.recipient_path, a.award_form, ${sql.join(sumsTimes(sign))}
    FROM award_tally_entries a
    WHERE a.tenant_id = ${tenantId} AND ${which}
    GROUP BY a.tenant_id, a.scope, a.year, a.recipient_path, a.award_form
    ORDER BY a.scope, a.year, a.recipient_path, a.award_form
    ON CONFLICT (tenant_id, scope, year, recipient_path, award_form) DO UPDATE SET
      awards = t.awards + excluded.awards, individuals = t.individuals + excluded.individuals,
      non_leaders = t.non_leaders + excluded.non_leaders, direct_workers = t.direct_workers + excluded.direct_workers,
      women = t.women + excluded.women, ethnic_minorities = t.ethnic_minorities + excluded.ethnic_minorities,
      money = t.money + excluded.money, priced = t.priced + excluded.priced`.execute(db);
}

function sumsTimes(sign: 1 | -1) {
  return [
    sql`${sign} * count(*)`, sql`${sign} * count(*) FILTER (WHERE a.individual)`, sql`${sign} * count(*) FILTER (WHERE a.non_leader)`,
    sql`${sign} * count(*) FILTER (WHERE a.direct_worker)`, sql`${sign} * count(*) FILTER (WHERE a.female)`,
    sql`${sign} * count(*) FILTER (WHERE a.ethnic_minority)`, sql`${sign} * coalesce(sum(a.amount), 0)`, sql`${sign} * count(a.amount)`,
  ];
}

/**
 * Runs `write` on some awards with the tallies kept right: the awards are locked and their counts
 * taken out, `write` changes them, their counts go back in. `before` and `after` select the same
 * awards before and after the write (they differ only when the write moves what selects them, as a
 * moved subtree's paths). One transaction: the caller's, or a new one.
 */
export function retallyAwards<T>(db: Db, tenantId: string, which: AwardCondition | { before: AwardCondition; after: AwardCondition },
  write: (trx: Db) => Promise<T>): Promise<T> {
  const { before, after } = 'before' in which ? which : { before: which, after: which };
  return inTransaction(db, async (trx) => {
    // locked first, in id order (two writers of overlapping awards queue rather than deadlock): a
    // concurrent writer of the same awards waits here, then takes out what this one put back
    await sql`SELECT 1 FROM awards a WHERE a.tenant_id = ${tenantId} AND ${before} ORDER BY a.id FOR UPDATE`.execute(trx);
    await addTallies(trx, tenantId, before, -1);
    const result = await write(trx);
    await addTallies(trx, tenantId, after, 1);
    return result;
  });
}

/**
 * The tenant's tallies made again from its awards (a benchmark's bulk load; a repair), a year per
 * statement so that each stays well inside a request's statement timeout (a province's year is a few
 * hundred thousand awards), all in one transaction.
 */
export async function rebuildAwardTallies(db: Db, tenantId: string) {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('award_tallies').where('tenant_id', '=', tenantId).execute();
    const span = await trx.selectFrom('awards').where('tenant_id', '=', tenantId)
      .select((eb) => [eb.fn.min<number | null>('year').as('first'), eb.fn.max<number | null>('year').as('last')]).executeTakeFirstOrThrow();
    if (span.first === null || span.last === null) return;
    for (let year = span.first; year <= span.last; year++) await addTallies(trx, tenantId, sql<SqlBool>`a.year = ${year}`, 1);
  });
}

export interface TallyDrift { scope: string; year: number; recipient_path: string; award_form: string; stored: string | null; counted: string | null }

/** Tally rows that differ from the awards (none when every writer retallies): the tests' check. */
export async function awardTallyDrift(db: Db, tenantId: string): Promise<TallyDrift[]> {
  const result = await sql<TallyDrift>`
    WITH counted AS (
      SELECT a.scope, a.year, a.recipient_path, a.award_form, ROW(${SUMS})::text AS counted
      FROM award_tally_entries a WHERE a.tenant_id = ${tenantId}
      GROUP BY a.scope, a.year, a.recipient_path, a.award_form),
    stored AS (
      SELECT t.scope, t.year, t.recipient_path, t.award_form,
        ROW(t.awards, t.individuals, t.non_leaders, t.direct_workers, t.women, t.ethnic_minorities, t.money, t.priced)::text AS stored
      FROM award_tallies t WHERE t.tenant_id = ${tenantId}
        AND (t.awards, t.individuals, t.non_leaders, t.direct_workers, t.women, t.ethnic_minorities, t.money, t.priced) <> (0, 0, 0, 0, 0, 0, 0, 0))
    SELECT coalesce(s.scope, c.scope) AS scope, coalesce(s.year, c.year) AS year, coalesce(s.recipient_path, c.recipient_path) AS recipient_path,
      coalesce(s.award_form, c.award_form) AS award_form, s.stored, c.counted
    FROM stored s FULL JOIN counted c USING (scope, year, recipient_path, award_form)
    WHERE s.stored IS DISTINCT FROM c.counted
    ORDER BY 1, 2, 3, 4`.execute(db);
  return result.rows;
}
