import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { retallyAwards } from './tallies.ts';

type Db = Kysely<Database>;

/**
 * The archive's three columns on `awards` (migrations/0007_archive.sql), filled from the recipient:
 * the folded name and sort key are the ones TypeScript computed when the person or organisation was
 * written (people/organisations `name_fold`, `sort_key`), so SQL only copies them; the path is the
 * recipient's organisation at decision time:
 *  - a collective: the organisation itself;
 *  - a person: the unit employing them on the decision date (or on 31/12 of the award's year when
 *    the decision date is unknown); failing that, the last unit they had joined by then; failing
 *    that, the first unit they joined afterwards. No employment at all: no path (not in the archive
 *    lists, still on the person's own record page).
 *
 * The same employment gives the groups statistics count (0013): a leader is someone holding a
 * leader's post on the day; a direct worker's post is marked so (people/model.ts isDirectWorker), and
 * a person with no employment at all is a citizen and counts as one; women and ethnic minorities come
 * from the person. Collectives have none of these (null).
 *
 * This is THE function every writer of `awards` calls, in its own transaction, right after writing
 * (records service, import, demo loader, and the decisions module to come), and every change that
 * moves the answer calls it too (a person renamed or their employment history edited, an
 * organisation renamed). Set-based: one UPDATE for any number of awards; rows already right are
 * not rewritten. New names go to award_recipient_names, where the archive's name search starts; the
 * statistics' tallies follow (tallies.ts retallyAwards).
 */
export type AwardRecipientSelection =
  | { awardIds: readonly string[] }
  | { personIds: readonly string[] }
  | { organisationIds: readonly string[] }
  /** every award of the tenant not filled yet (the start-up backfill), at most `limit` of them */
  | { missing: true; limit: number };

export async function fillAwardRecipients(db: Db, tenantId: string, which: AwardRecipientSelection): Promise<number> {
  if ('missing' in which) {
    // the rows to fill, by id: "not filled yet" stops selecting them once filled, and their tallies
    // must be put back where they were taken out
    const rows = await db.selectFrom('awards').select('id').where('tenant_id', '=', tenantId)
      .where('recipient_name_fold', 'is', null).orderBy('id').limit(which.limit).execute();
    return rows.length ? fillAwardRecipients(db, tenantId, { awardIds: rows.map((r) => r.id) }) : 0;
  }
  const selection = selectionSql(which);
  if (!selection) return 0;
  return retallyAwards(db, tenantId, selection, (trx) => fillSelected(trx, tenantId, selection));
}

/** The fill itself, inside a caller that already retallies the same awards (ledger.ts reviseAwards matching a recipient). */
export async function fillSelected(db: Db, tenantId: string, selection: Expression<SqlBool>): Promise<number> {
  const decisionDay = sql`coalesce(a.decided_on, make_date(a.year, 12, 31))`;
  const result = await sql<{ filled: number }>`
    WITH filled AS (
    UPDATE awards AS t SET recipient_name_fold = r.name_fold, recipient_sort_key = r.sort_key, recipient_path = r.path,
      recipient_female = r.female, recipient_ethnic_minority = r.ethnic_minority,
      recipient_leader = r.leader, recipient_direct_worker = r.direct_worker
    FROM (
      SELECT a.tenant_id, a.id,
        coalesce(p.name_fold, o.name_fold, a.written_name_fold) AS name_fold,
        coalesce(p.sort_key, o.sort_key, a.written_sort_key) AS sort_key,
        -- an imported award (0026) without a person or organisation yet counts where its written unit
        -- matched (written_path); a matched person without any employment on file, there too
        CASE WHEN a.person_id IS NOT NULL THEN coalesce(e.path, a.written_path)
          WHEN a.organisation_id IS NOT NULL THEN o.path ELSE a.written_path END AS path,
        CASE WHEN a.person_id IS NOT NULL THEN p.gender = 'female' END AS female,
        CASE WHEN a.person_id IS NOT NULL THEN p.ethnicity <> 'Kinh' END AS ethnic_minority,
        CASE WHEN a.person_id IS NOT NULL THEN coalesce(e.on_day AND e.is_leader, false) END AS leader,
        CASE WHEN a.person_id IS NOT NULL THEN coalesce(e.is_direct_worker, true) END AS direct_worker
      FROM awards a
      LEFT JOIN people p ON p.tenant_id = a.tenant_id AND p.id = a.person_id
      LEFT JOIN organisations o ON o.tenant_id = a.tenant_id AND o.id = a.organisation_id
      LEFT JOIN LATERAL (
        SELECT eo.path, e.is_leader, e.is_direct_worker,
          (e.start_date <= ${decisionDay} AND (e.end_date IS NULL OR e.end_date >= ${decisionDay})) AS on_day
        FROM employments e
        JOIN organisations eo ON eo.tenant_id = e.tenant_id AND eo.id = e.organisation_id
        WHERE a.person_id IS NOT NULL AND e.tenant_id = a.tenant_id AND e.person_id = a.person_id
        ORDER BY (e.start_date <= ${decisionDay} AND (e.end_date IS NULL OR e.end_date >= ${decisionDay})) DESC,
          (e.start_date <= ${decisionDay}) DESC,
          CASE WHEN e.start_date <= ${decisionDay} THEN e.start_date END DESC NULLS LAST,
          e.start_date
        LIMIT 1) e ON true
      WHERE a.tenant_id = ${tenantId} AND ${selection}
    ) AS r
    WHERE t.tenant_id = r.tenant_id AND t.id = r.id
      AND (t.recipient_name_fold, t.recipient_sort_key, t.recipient_path, t.recipient_female, t.recipient_ethnic_minority,
           t.recipient_leader, t.recipient_direct_worker)
        IS DISTINCT FROM (r.name_fold, r.sort_key, r.path, r.female, r.ethnic_minority, r.leader, r.direct_worker)
    RETURNING t.tenant_id, t.recipient_name_fold),
    names AS (
      INSERT INTO award_recipient_names (tenant_id, name_fold)
      SELECT DISTINCT tenant_id, recipient_name_fold FROM filled WHERE recipient_name_fold IS NOT NULL
      ON CONFLICT DO NOTHING)
    SELECT count(*)::int AS filled FROM filled`.execute(db);
  return result.rows[0]?.filled ?? 0;
}

function selectionSql(which: Exclude<AwardRecipientSelection, { missing: true }>): Expression<SqlBool> | null {
  const list = (ids: readonly string[]) => sql`ANY(${ids as string[]}::uuid[])`;
  if ('awardIds' in which) return which.awardIds.length ? sql<SqlBool>`a.id = ${list(which.awardIds)}` : null;
  if ('personIds' in which) return which.personIds.length ? sql<SqlBool>`a.person_id = ${list(which.personIds)}` : null;
  return which.organisationIds.length ? sql<SqlBool>`a.organisation_id = ${list(which.organisationIds)}` : null;
}

/** Moving an organisation (organisations/store.ts rebaseSubtree) moves the awards of everyone under it. */
export async function rebaseAwardRecipients(db: Db, tenantId: string, oldPrefix: string, newPrefix: string) {
  // paths are ids and '/', no LIKE wildcards; COLLATE "C" makes the prefix a btree range
  const under = (prefix: string) => sql<SqlBool>`a.recipient_path LIKE ${`${prefix}%`}`;
  await retallyAwards(db, tenantId, { before: under(oldPrefix), after: under(newPrefix) }, (trx) => trx.updateTable('awards')
    .set({ recipient_path: sql<string>`${newPrefix} || substr(recipient_path, ${oldPrefix.length + 1})` })
    .where('tenant_id', '=', tenantId).where('recipient_path', 'like', `${oldPrefix}%`).execute());
}

/**
 * Fills the rows written before 0007_archive (or by a writer that forgot), in batches of `batch`:
 * idempotent, run by the app after the migrations. Returns how many rows it filled.
 */
export async function backfillAwardRecipients(db: Db, batch = 10_000): Promise<number> {
  let total = 0;
  const tenants = await db.selectFrom('awards').select('tenant_id').distinct()
    .where('recipient_name_fold', 'is', null).execute();
  for (const { tenant_id: tenantId } of tenants) {
    for (;;) {
      const filled = await fillAwardRecipients(db, tenantId, { missing: true, limit: batch });
      total += filled;
      if (filled < batch) break;
    }
  }
  return total;
}
