import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { pathUnder } from '../organisations/store.ts';
import { containsPattern, type ArchiveFilter } from './model.ts';

type Db = Kysely<Database>;

/**
 * The archive search, as one query (the API and bench/archive.ts run exactly this). Every filter has
 * its index on `awards` (0003_records, 0007_archive): the folded name the trigram GIN
 * awards_recipient_name_fold, the subtree awards_recipient_path ("C" btree, LIKE 'prefix%'), form and
 * year awards_form_year / awards_year, decision number awards_decision, person awards_person; the
 * order and the keyset awards_archive_order. The page is cut on `awards` alone, in a subquery, and
 * only its rows are joined to people, organisations and award forms for display.
 */
export function archiveQuery(db: Db, tenantId: string, f: ArchiveFilter) {
  let page = db.selectFrom('awards as a')
    .select(['a.tenant_id', 'a.id', 'a.person_id', 'a.organisation_id', 'a.award_form', 'a.year', 'a.basis', 'a.decision_number',
      'a.decided_on', 'a.decided_by', 'a.revoked_on', 'a.revocation_number', 'a.recipient_sort_key', 'a.recipient_path'])
    .where('a.tenant_id', '=', tenantId)
    .where(pathUnder('a.recipient_path', f.prefixes));
  if (f.name) page = page.where('a.recipient_name_fold', 'like', containsPattern(f.name));
  if (f.personId) page = page.where('a.person_id', '=', f.personId);
  if (f.organisationId) page = page.where('a.organisation_id', '=', f.organisationId);
  if (f.awardForm) page = page.where('a.award_form', '=', f.awardForm);
  if (f.yearFrom !== undefined) page = page.where('a.year', '>=', f.yearFrom);
  if (f.yearTo !== undefined) page = page.where('a.year', '<=', f.yearTo);
  if (f.decisionNumber) page = page.where('a.decision_number', '=', f.decisionNumber);
  if (f.revoked === 'exclude') page = page.where('a.revoked_on', 'is', null);
  if (f.revoked === 'only') page = page.where('a.revoked_on', 'is not', null);
  const after = f.after;
  if (after) {
    const sameDayLater = sql<boolean>`(a.recipient_sort_key, a.id) > (${after.sortKey}, ${after.id}::uuid)`;
    // newest decision first, undated decisions last (DESC NULLS LAST), then name order and id
    page = page.where(after.decidedOn === null
      ? sql<boolean>`(a.decided_on IS NULL AND ${sameDayLater})`
      : sql<boolean>`(a.decided_on < ${after.decidedOn} OR a.decided_on IS NULL OR (a.decided_on = ${after.decidedOn} AND ${sameDayLater}))`);
  }
  const cut = page
    .orderBy(sql`a.decided_on DESC NULLS LAST`).orderBy('a.recipient_sort_key').orderBy('a.id')
    .limit(f.limit);

  return db.selectFrom(cut.as('a'))
    .leftJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.person_id'))
    .leftJoin('organisations as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.organisation_id'))
    .leftJoin('organisations as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.path', '=', 'a.recipient_path'))
    .leftJoin('organisations as up', (j) => j.onRef('up.tenant_id', '=', 'u.tenant_id').onRef('up.id', '=', 'u.parent_id'))
    .innerJoin('award_forms as f', 'f.code', 'a.award_form')
    .select(['a.id', 'a.person_id', 'a.organisation_id', 'a.award_form', 'f.name as award_form_name', 'a.year', 'a.basis',
      'a.decision_number', 'a.decided_on', 'a.decided_by', 'a.revoked_on', 'a.revocation_number', 'a.recipient_sort_key',
      'p.full_name as person_name', 'c.name as collective_name',
      // a person's unit is where they worked at decision time; a collective's is the organisation above it
      sql<string | null>`CASE WHEN a.person_id IS NULL THEN up.id ELSE u.id END`.as('unit_id'),
      sql<string | null>`CASE WHEN a.person_id IS NULL THEN up.name ELSE u.name END`.as('unit_name')])
    .orderBy(sql`a.decided_on DESC NULLS LAST`).orderBy('a.recipient_sort_key').orderBy('a.id');
}

export type ArchiveRow = Awaited<ReturnType<ReturnType<typeof archiveQuery>['execute']>>[number];

export async function searchArchive(db: Db, tenantId: string, f: ArchiveFilter): Promise<ArchiveRow[]> {
  return archiveQuery(db, tenantId, f).execute();
}
