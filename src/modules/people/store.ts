import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { pathUnder, validOn } from '../organisations/index.ts';

import { foldVietnamese } from '../../platform/vn/fold.ts';
import { splitVietnameseName, type VietnameseName } from '../../platform/vn/names.ts';
import { personSortKey } from '../../platform/vn/sort.ts';
import { countQuery, countUpTo, pageOf, pageWindow } from '../../platform/paging.ts';

type Db = Kysely<Database>;
type Ref = ReturnType<typeof sql.ref<string>>;

/**
 * Name columns of a person: the parts, the folded name searched on, and the Vietnamese sort key.
 * Parts are split from the full name unless given (Ê Đê names put the clan name last: Y Bhin Niê).
 */
export function nameColumns(fullName: string, given?: VietnameseName) {
  const parts = given ?? splitVietnameseName(fullName);
  const normalised = given ? fullName.trim().replace(/\s+/g, ' ') : [parts.family, parts.middle, parts.given].filter(Boolean).join(' ');
  return {
    family_name: parts.family, middle_name: parts.middle, given_name: parts.given, full_name: normalised,
    name_fold: foldVietnamese(normalised), sort_key: personSortKey(parts),
  };
}

export interface PeopleFilter {
  /** folded search tokens, each must appear in the folded name */
  tokens: string[];
  /** an HR code typed in the search box: a person whose code equals it (any case) is found too */
  code?: string | undefined;
  /** subtree roots the list is limited to (scope ∩ chosen organisation) */
  prefixes: string[];
  gender?: 'male' | 'female' | undefined;
  leader?: boolean | undefined;
  asOf: string;
  page: number;
  pageSize: number;
}

/**
 * Codes as typed, upper- and lower-cased: the ones an exact, case-insensitive code search looks up
 * through the btree people_code (codes are ASCII; a mixed-case code is found as stored or in one case).
 */
export function codeVariants(code: string): string[] {
  return [...new Set([code, code.toUpperCase(), code.toLowerCase()])];
}

/** How a person belongs to the list on its date, within its scope: `memberships` by person or by unit, `inScope` per person. */
function scopeOf(db: Db, tenantId: string, f: PeopleFilter) {
  // a person belongs to a unit by employment, or to a commune by residence when employed nowhere that day
  // probed by person (a walk in name order) or by unit (a unit's or district's list)
  const memberships = (by: { person: Ref } | { unit: Ref }) => db.selectFrom('employments')
    .select(['tenant_id', 'person_id', 'organisation_id', 'position', 'is_leader', 'start_date', 'end_date', sql<string | null>`NULL::text`.as('village')])
    .where('tenant_id', '=', tenantId)
    .where('person' in by ? 'person_id' : 'organisation_id', '=', 'person' in by ? by.person : by.unit)
    .unionAll(db.selectFrom('residences as r')
      .select(['r.tenant_id', 'r.person_id', 'r.organisation_id', sql<string>`''`.as('position'), sql<boolean>`false`.as('is_leader'),
        'r.valid_from as start_date', 'r.valid_to as end_date', 'r.village'])
      .where('r.tenant_id', '=', tenantId)
      .where('person' in by ? 'r.person_id' : 'r.organisation_id', '=', 'person' in by ? by.person : by.unit)
      .where(validOn('r.valid_from', 'r.valid_to', f.asOf))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('employments as x').select('x.id')
        .whereRef('x.tenant_id', '=', 'r.tenant_id').whereRef('x.person_id', '=', 'r.person_id')
        .where(validOn('x.start_date', 'x.end_date', f.asOf))))));
  // where and how the person belongs on the day, within the scope
  const inScope = (person: Ref) => db.selectFrom(memberships({ person }).as('m'))
    // joined on the id alone, the tenant a constant on each side: an equality of the one tenant_id as a join
    // clause makes the planner think the join keeps 1 row in 500 and pick a whole-province hash join
    .innerJoin('organisations as o', (j) => j.onRef('o.id', '=', 'm.organisation_id'))
    .where('o.tenant_id', '=', tenantId)
    .select(['m.person_id', 'm.position', 'm.is_leader', 'm.village', 'o.id as organisation_id', 'o.name as organisation_name'])
    .where(validOn('m.start_date', 'm.end_date', f.asOf))
    .where(pathUnder('o.path', f.prefixes))
    .$if(f.leader !== undefined, (q) => q.where('m.is_leader', '=', f.leader!));
  return { memberships, inScope };
}

/**
 * People employed on a date somewhere under the given subtrees (their scope rows, not yet selected or ordered).
 * A name or code search first finds the matching people alone, through the trigram index on the folded name
 * (people_name_fold) and the btree people_code OR-ed as a bitmap, into a MATERIALIZED CTE; only those are
 * joined for scope (the path btree). Joined first, a common name ("thi anh") was filtered after walking
 * the province's employments. For the page the matches are sorted by name before the join, so the join
 * probes the employments of the first few only; for the count they are not.
 */
function peopleInScope(db: Db, tenantId: string, f: PeopleFilter, forPage: boolean) {
  const { memberships, inScope } = scopeOf(db, tenantId, f);
  const { code, tokens } = f;
  let matching = db.selectFrom('people as p')
    .select(['p.tenant_id', 'p.id', 'p.code', 'p.full_name', 'p.gender', 'p.birth_year', 'p.ethnicity', 'p.sort_key'])
    .where('p.tenant_id', '=', tenantId);
  if (code) {
    matching = matching.where((eb) => eb.or([
      eb.and(tokens.map((token) => eb('p.name_fold', 'like', `%${token}%`))),
      eb('p.code', 'in', codeVariants(code)),
    ]));
  } else {
    for (const token of tokens) matching = matching.where('p.name_fold', 'like', `%${token}%`);
  }
  if (f.gender) matching = matching.where('p.gender', '=', f.gender);
  if (tokens.length === 0 && code === undefined) {
    if (f.prefixes.some((prefix) => prefix.split('/').filter(Boolean).length === 1)) {
      // the whole tenant: walked in name order (people_name_order), each person probed (LATERAL,
      // employments_person) until the page is full. A plain join let the planner hash every employment
      return db.selectFrom(matching.as('p')).innerJoinLateral(() => inScope(sql.ref<string>('p.id')).as('e'), (j) => j.onTrue());
    }
    // a unit or district: its units (path btree), each unit's members probed (employments_organisation), then sorted
    const unitMembers = db.selectFrom('organisations as o')
      .innerJoinLateral(() => memberships({ unit: sql.ref<string>('o.id') }).as('m'), (j) => j.onTrue())
      .where('o.tenant_id', '=', tenantId).where(pathUnder('o.path', f.prefixes))
      .where(validOn('m.start_date', 'm.end_date', f.asOf))
      .$if(f.leader !== undefined, (q) => q.where('m.is_leader', '=', f.leader!))
      .select(['m.person_id', 'm.position', 'm.is_leader', 'm.village', 'o.id as organisation_id', 'o.name as organisation_name']);
    return db.selectFrom(matching.as('p')).innerJoin(unitMembers.as('e'), (j) => j.onRef('e.person_id', '=', 'p.id'));
  }
  return db.with((w) => w('matched').materialized(), () => matching)
    // ORDER BY keeps the subquery from being flattened: its rows come in name order and each is probed
    // (LATERAL: by its own id, through employments_person) until the page is full
    .selectFrom((eb) => eb.selectFrom('matched').selectAll().$if(forPage, (q) => q.orderBy('sort_key').orderBy('id')).as('p'))
    .innerJoinLateral(() => inScope(sql.ref<string>('p.id')).as('e'), (j) => j.onTrue());
}

/** One page of the list in Vietnamese name order, with one row more than the page shows (is there a next page?). */
export function peopleSearchQuery(db: Db, tenantId: string, f: PeopleFilter) {
  const { limit, offset } = pageWindow(f);
  return peopleInScope(db, tenantId, f, true)
    .select(['p.id', 'p.code', 'p.full_name', 'p.gender', 'p.birth_year', 'p.ethnicity', 'e.position', 'e.is_leader', 'e.village',
      'e.organisation_id', 'e.organisation_name'])
    .orderBy('p.sort_key').orderBy('p.id')
    .limit(limit).offset(offset);
}

/**
 * How far a name search walks the tenant in name order before it falls back on the trigram index: the walk reads
 * only the index people_name_order (sort key, id, folded name, gender: migration 0038), a few milliseconds for
 * 20,000 entries, and finds a common name's page at once ("thi anh" is one person in sixty). Through the trigram
 * index a common name costs a visit to every matching row (17,000 for "thi anh" in a million) to sort them.
 */
export const NAME_WALK = 100_000;

/**
 * The page of a name search among the first NAME_WALK people of the tenant in name order. When it comes back full
 * (pageSize + 1 rows), those are the search's first rows overall, since the walk is a prefix of the order;
 * otherwise the caller asks the trigram index (peopleSearchQuery).
 */
export function peopleNameWalkQuery(db: Db, tenantId: string, f: PeopleFilter) {
  const { limit, offset } = pageWindow(f);
  const { inScope } = scopeOf(db, tenantId, f);
  let walk = db.selectFrom('people').select(['id', 'sort_key', 'name_fold']).where('tenant_id', '=', tenantId);
  if (f.gender) walk = walk.where('gender', '=', f.gender);
  let matched = db.selectFrom(walk.orderBy('sort_key').orderBy('id').limit(NAME_WALK).as('w')).select(['w.id', 'w.sort_key']);
  for (const token of f.tokens) matched = matched.where('w.name_fold', 'like', `%${token}%`);
  const page = db.selectFrom(matched.as('w'))
    .innerJoinLateral(() => inScope(sql.ref<string>('w.id')).as('e'), (j) => j.onTrue())
    .select(['w.id', 'w.sort_key', 'e.position', 'e.is_leader', 'e.village', 'e.organisation_id', 'e.organisation_name'])
    .orderBy('w.sort_key').orderBy('w.id').limit(limit).offset(offset);
  return db.selectFrom(page.as('m'))
    .innerJoin('people as p', (j) => j.onRef('p.id', '=', 'm.id'))
    .where('p.tenant_id', '=', tenantId)
    .select(['p.id', 'p.code', 'p.full_name', 'p.gender', 'p.birth_year', 'p.ethnicity', 'm.position', 'm.is_leader', 'm.village',
      'm.organisation_id', 'm.organisation_name'])
    .orderBy('m.sort_key').orderBy('m.id');
}

/** How many the list holds, counted up to `atMost` and no further. */
export function peopleCountQuery(db: Db, tenantId: string, f: PeopleFilter, atMost: number) {
  return countQuery(peopleInScope(db, tenantId, f, false), atMost);
}

export function countPeople(db: Db, tenantId: string, f: PeopleFilter, atMost: number) {
  return countUpTo(db, peopleInScope(db, tenantId, f, false), atMost);
}

export async function searchPeople(db: Db, tenantId: string, f: PeopleFilter) {
  const count = (atMost: number) => countPeople(db, tenantId, f, atMost);
  if (f.tokens.length > 0 && f.code === undefined) {
    const walked = await peopleNameWalkQuery(db, tenantId, f).execute();
    if (walked.length === pageWindow(f).limit) return pageOf(walked, f, count);
  }
  return pageOf(await peopleSearchQuery(db, tenantId, f).execute(), f, count);
}

export async function findPerson(db: Db, tenantId: string, id: string) {
  return db.selectFrom('people').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Employment history, oldest first, with the organisation's name and path (for scope checks). */
export async function employmentsOf(db: Db, tenantId: string, personId: string) {
  return db.selectFrom('employments as e')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
    .select(['e.id', 'e.organisation_id', 'o.name as organisation_name', 'o.path as organisation_path', 'e.position',
      'e.is_leader', 'e.start_date', 'e.end_date', 'e.version'])
    .where('e.tenant_id', '=', tenantId).where('e.person_id', '=', personId)
    .orderBy('e.start_date').execute();
}

/** The organisation that employs the person on a date — the one that nominates them. */
export async function employerOn(db: Db, tenantId: string, personId: string, date: string) {
  return db.selectFrom('employments as e')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
    .select(['o.id', 'o.name', 'o.path', 'e.position', 'e.is_leader'])
    .where('e.tenant_id', '=', tenantId).where('e.person_id', '=', personId)
    .where(validOn('e.start_date', 'e.end_date', date))
    .executeTakeFirst();
}

/** Serialises writes to one person's history (two overlapping employments cannot slip in together). */
export async function lockPerson(db: Db, tenantId: string, personId: string) {
  await sql`SELECT 1 FROM people WHERE tenant_id = ${tenantId} AND id = ${personId} FOR UPDATE`.execute(db);
}

/** Residence history, oldest first, with the commune's name and path (for scope checks). */
export async function residencesOf(db: Db, tenantId: string, personId: string) {
  return db.selectFrom('residences as r')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.organisation_id'))
    .select(['r.id', 'r.organisation_id', 'o.name as organisation_name', 'o.path as organisation_path', 'r.village', 'r.address',
      'r.valid_from', 'r.valid_to', 'r.version'])
    .where('r.tenant_id', '=', tenantId).where('r.person_id', '=', personId)
    .orderBy('r.valid_from').execute();
}
