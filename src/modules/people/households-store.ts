import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { pathUnder, validOn } from '../organisations/index.ts';
import { countUpTo, pageOf, pageWindow } from '../../platform/paging.ts';

type Db = Kysely<Database>;

export interface HouseholdFilter { prefixes: string[]; tokens: string[]; includeClosed: boolean; page: number; pageSize: number }

/** A page of the households of communes under the given subtrees, by head's folded name (trigram index), in head-name order; counted up to the cap. */
export async function searchHouseholds(db: Db, tenantId: string, f: HouseholdFilter) {
  let query = db.selectFrom('households as h')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'h.tenant_id').onRef('o.id', '=', 'h.organisation_id'))
    .leftJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'h.tenant_id').onRef('p.id', '=', 'h.head_person_id'))
    .where('h.tenant_id', '=', tenantId).where(pathUnder('o.path', f.prefixes));
  for (const token of f.tokens) query = query.where((eb) => eb.or([eb('h.name_fold', 'like', `%${token}%`), eb('h.code', '=', token.toUpperCase())]));
  if (!f.includeClosed) query = query.where('h.closed_on', 'is', null);
  const rows = await query.select(['h.id', 'h.code', 'h.head_name', 'h.village', 'h.address', 'h.closed_on', 'h.version', 'h.head_person_id',
    'o.id as organisation_id', 'o.name as organisation_name',
    sql<number>`(SELECT count(*) FROM household_members m WHERE m.tenant_id = h.tenant_id AND m.household_id = h.id)`.as('member_count')])
    .orderBy(sql`coalesce(p.sort_key, h.name_fold)`).orderBy('h.id')
    .limit(pageWindow(f).limit).offset(pageWindow(f).offset).execute();
  return pageOf(rows, f, (atMost) => countUpTo(db, query, atMost));
}

export async function findHousehold(db: Db, tenantId: string, id: string) {
  return db.selectFrom('households as h')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'h.tenant_id').onRef('o.id', '=', 'h.organisation_id'))
    .select(['h.id', 'h.code', 'h.head_name', 'h.head_person_id', 'h.village', 'h.address', 'h.closed_on', 'h.version',
      'o.id as organisation_id', 'o.name as organisation_name', 'o.path as organisation_path'])
    .where('h.tenant_id', '=', tenantId).where('h.id', '=', id).executeTakeFirst();
}

export async function householdMembers(db: Db, tenantId: string, householdId: string) {
  return db.selectFrom('household_members as m')
    .innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'))
    .select(['p.id as personId', 'p.full_name as fullName', 'p.gender', 'p.birth_year as birthYear', 'm.relation'])
    .where('m.tenant_id', '=', tenantId).where('m.household_id', '=', householdId).orderBy('p.sort_key').execute();
}

/**
 * Of these person ids, the ones that are people of the tenant within the given subtrees: employed or
 * resident there on the date (a household's members are found where the officer may read people).
 */
export async function reachablePeople(db: Db, tenantId: string, ids: readonly string[], prefixes: readonly string[], date: string) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('people as p').select(['p.id', 'p.full_name'])
    .where('p.tenant_id', '=', tenantId).where('p.id', 'in', ids)
    .where((eb) => eb.or([
      eb.exists(eb.selectFrom('employments as e')
        .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
        .select('e.id').whereRef('e.tenant_id', '=', 'p.tenant_id').whereRef('e.person_id', '=', 'p.id').where(pathUnder('o.path', prefixes))),
      eb.exists(eb.selectFrom('residences as r')
        .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.organisation_id'))
        .select('r.id').whereRef('r.tenant_id', '=', 'p.tenant_id').whereRef('r.person_id', '=', 'p.id').where(pathUnder('o.path', prefixes))
        .where(validOn('r.valid_from', 'r.valid_to', date))),
    ])).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

export async function replaceMembers(db: Db, tenantId: string, householdId: string, members: readonly { personId: string; relation: string }[]) {
  await db.deleteFrom('household_members').where('tenant_id', '=', tenantId).where('household_id', '=', householdId).execute();
  if (members.length > 0) {
    await db.insertInto('household_members').values(members.map((m) => ({
      tenant_id: tenantId, household_id: householdId, person_id: m.personId, relation: m.relation.trim(),
    }))).execute();
  }
}
