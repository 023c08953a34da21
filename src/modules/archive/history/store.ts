import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { pathUnder } from '../../organisations/index.ts';
import { containsPattern } from '../model.ts';
import type { OrgEntry, PersonCandidate } from './matching.ts';
import type { AwardFormEntry } from './model.ts';
import { formsSeenBy } from '../../awards/index.ts';

type Db = Kysely<Database>;

export async function awardForms(db: Db, tenantId: string): Promise<AwardFormEntry[]> {
  return formsSeenBy(db, tenantId).select(['code', 'name', 'recipient']).orderBy('sort_order').execute() as Promise<AwardFormEntry[]>;
}

/** Every organisation of the subtree, past and present (a province has a few thousand). */
export async function organisationsUnder(db: Db, tenantId: string, path: string): Promise<OrgEntry[]> {
  const rows = await db.selectFrom('organisations')
    .select(['id', 'path', 'name', 'short_name', 'code', 'valid_from', 'valid_to', 'successor_id'])
    .where('tenant_id', '=', tenantId).where('path', 'like', `${path}%`).execute();
  return rows.map((o) => ({
    id: o.id, path: o.path, name: o.name, shortName: o.short_name, code: o.code, validFrom: o.valid_from, validTo: o.valid_to, successorId: o.successor_id,
  }));
}

export type NamedCandidate = PersonCandidate & { nameFold: string; units: string[] };

/**
 * The people with these folded names who have worked (now or before) in the subtree, with their
 * employments there: the candidates a written name may be. One query for the whole file.
 */
export async function peopleNamed(db: Db, tenantId: string, path: string, nameFolds: readonly string[]): Promise<Map<string, NamedCandidate[]>> {
  const byName = new Map<string, NamedCandidate[]>();
  if (nameFolds.length === 0) return byName;
  const { rows } = await sql<{ id: string; full_name: string; name_fold: string; birth_year: number | null; path: string; unit: string; start_date: string; end_date: string | null }>`
    SELECT p.id, p.full_name, p.name_fold, p.birth_year, eo.path, eo.name AS unit, e.start_date, e.end_date
    FROM people p
    JOIN employments e ON e.tenant_id = p.tenant_id AND e.person_id = p.id
    JOIN organisations eo ON eo.tenant_id = e.tenant_id AND eo.id = e.organisation_id
    WHERE p.tenant_id = ${tenantId} AND p.name_fold = ANY(${[...new Set(nameFolds)]}::text[]) AND eo.path LIKE ${`${path}%`}
    ORDER BY p.sort_key, p.id, e.start_date`.execute(db);
  const byId = new Map<string, NamedCandidate>();
  for (const r of rows) {
    let person = byId.get(r.id);
    if (!person) {
      person = { id: r.id, fullName: r.full_name, nameFold: r.name_fold, birthYear: r.birth_year, employments: [], units: [] };
      byId.set(r.id, person);
      byName.set(r.name_fold, [...(byName.get(r.name_fold) ?? []), person]);
    }
    person.employments.push({ path: r.path, start: r.start_date, end: r.end_date });
    if (!person.units.includes(r.unit)) person.units.push(r.unit);
  }
  return byName;
}

const unmatched = sql`a.person_id IS NULL AND a.organisation_id IS NULL AND a.written_name IS NOT NULL`;

export interface UnmatchedGroupRow {
  kind: 'individual' | 'collective'; name_fold: string; unit: string; name: string; birth_year: number | null; count: number;
  first_id: string; awards: { id: string; form: string; year: number; number: string; date: string | null }[];
}

/**
 * The awards kept as written in the subtrees, one group per recipient as written (kind, folded name,
 * unit text): what the "match later" list shows. At most `limit` groups, in name order.
 */
export async function unmatchedGroups(db: Db, tenantId: string, prefixes: readonly string[], q: string | undefined, limit: number) {
  const result = await sql<UnmatchedGroupRow>`
    SELECT a.written_kind AS kind, a.written_name_fold AS name_fold, a.written_unit AS unit, min(a.written_name) AS name,
      min(a.written_birth_year) AS birth_year, count(*)::int AS count, min(a.id::text) AS first_id,
      json_agg(json_build_object('id', a.id, 'form', f.name, 'year', a.year, 'number', a.decision_number, 'date', a.decided_on)
        ORDER BY a.decided_on, a.id) AS awards
    FROM awards a JOIN award_forms f ON f.code = a.award_form
    WHERE a.tenant_id = ${tenantId} AND ${unmatched} AND ${pathUnder('a.written_path', prefixes)}
      ${q ? sql`AND a.written_name_fold LIKE ${containsPattern(q)}` : sql``}
    GROUP BY a.written_kind, a.written_name_fold, a.written_unit
    ORDER BY min(a.written_sort_key), a.written_unit
    LIMIT ${limit}`.execute(db);
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM awards a
    WHERE a.tenant_id = ${tenantId} AND ${unmatched} AND ${pathUnder('a.written_path', prefixes)}`.execute(db);
  return { groups: result.rows, total: total.rows[0]?.n ?? 0 };
}

export async function findUnmatchedAward(db: Db, tenantId: string, id: string) {
  return db.selectFrom('awards').select(['id', 'person_id', 'organisation_id', 'written_kind', 'written_name', 'written_name_fold', 'written_unit', 'written_path'])
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('written_name', 'is not', null).executeTakeFirst();
}

/** The unmatched awards of the subtrees written with the same kind, folded name and unit text. */
export async function sameWrittenRecipient(db: Db, tenantId: string, prefixes: readonly string[],
  award: { written_kind: string | null; written_name_fold: string | null; written_unit: string | null }): Promise<string[]> {
  const rows = await sql<{ id: string }>`SELECT a.id FROM awards a
    WHERE a.tenant_id = ${tenantId} AND ${unmatched} AND ${pathUnder('a.written_path', prefixes)}
      AND a.written_kind = ${award.written_kind} AND a.written_name_fold = ${award.written_name_fold}
      AND a.written_unit IS NOT DISTINCT FROM ${award.written_unit}
    ORDER BY a.id`.execute(db);
  return rows.rows.map((r) => r.id);
}

/**
 * Of the awards about to be given a recipient, one the recipient already holds (same form, year and
 * decision number) or that another of them repeats: giving it would record the same award twice.
 */
export async function matchConflict(db: Db, tenantId: string, recipient: { person_id: string } | { organisation_id: string }, awardIds: readonly string[]) {
  const [column, id] = 'person_id' in recipient ? ['person_id', recipient.person_id] : ['organisation_id', recipient.organisation_id];
  const result = await sql<{ award_form: string; form_name: string; year: number; decision_number: string }>`
    WITH chosen AS (SELECT a.award_form, a.year, a.decision_number FROM awards a WHERE a.tenant_id = ${tenantId} AND a.id = ANY(${awardIds as string[]}::uuid[]))
    SELECT c.award_form, f.name AS form_name, c.year, c.decision_number FROM chosen c JOIN award_forms f ON f.code = c.award_form
    WHERE EXISTS (SELECT 1 FROM awards x WHERE x.tenant_id = ${tenantId} AND ${sql.ref(`x.${column}`)} = ${id}
        AND x.award_form = c.award_form AND x.year = c.year AND x.decision_number = c.decision_number)
      OR (SELECT count(*) FROM chosen d WHERE d.award_form = c.award_form AND d.year = c.year AND d.decision_number = c.decision_number) > 1
    LIMIT 1`.execute(db);
  return result.rows[0];
}
