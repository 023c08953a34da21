import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { SubjectKind } from './model.ts';

type Db = Kysely<Database>;

/** Who a record belongs to: the person, or the organisation as a collective. */
export interface Subject { kind: SubjectKind; id: string }

export const subjectColumn = (subject: Subject) => (subject.kind === 'person' ? 'person_id' : 'organisation_id');

export function subjectColumns(subject: Subject) {
  return subject.kind === 'person'
    ? { person_id: subject.id, organisation_id: null }
    : { person_id: null, organisation_id: subject.id };
}

/** A subject's whole record, oldest first: what its record page shows and what the evaluator reads. */
export async function recordOf(db: Db, tenantId: string, subject: Subject) {
  const column = subjectColumn(subject);
  const [ratings, awards, initiatives, disciplines] = await Promise.all([
    db.selectFrom('annual_ratings').selectAll().where('tenant_id', '=', tenantId).where(column, '=', subject.id)
      .orderBy('year').execute(),
    db.selectFrom('awards').innerJoin('award_forms', 'award_forms.code', 'awards.award_form')
      .selectAll('awards').select(['award_forms.name as award_form_name', 'award_forms.category', 'award_forms.level'])
      .where('awards.tenant_id', '=', tenantId).where(`awards.${column}`, '=', subject.id)
      .orderBy('awards.year').orderBy('award_forms.sort_order').execute(),
    db.selectFrom('initiatives').selectAll().where('tenant_id', '=', tenantId).where(column, '=', subject.id)
      .orderBy('year').orderBy('title').execute(),
    db.selectFrom('disciplines').selectAll().where('tenant_id', '=', tenantId).where(column, '=', subject.id)
      .orderBy('starts_on').execute(),
  ]);
  return { ratings, awards, initiatives, disciplines };
}
export type SubjectRecord = Awaited<ReturnType<typeof recordOf>>;

/**
 * The members of a collective in a year: people employed, on `date`, by the organisation itself or by
 * one of its direct sub-units (phòng, ban). Units with their own staff below it (schools under a
 * department) are collectives of their own. The eligibility SQL and the evaluator both use this.
 */
export function membersSql(tenantId: string, organisationIds: readonly string[] | null, date: string) {
  const employed = sql`e.start_date <= ${date} AND (e.end_date IS NULL OR e.end_date >= ${date})`;
  const own = organisationIds === null ? sql`TRUE` : sql`e.organisation_id IN (${sql.join(organisationIds)})`;
  const parent = organisationIds === null ? sql`TRUE` : sql`u.parent_id IN (${sql.join(organisationIds)})`;
  // two plain joins rather than one with OR: the planner keeps both on their indexes
  return sql`SELECT e.organisation_id, e.person_id FROM employments e
      WHERE e.tenant_id = ${tenantId} AND ${own} AND ${employed}
    UNION
    SELECT u.parent_id AS organisation_id, e.person_id FROM organisations u
      JOIN employments e ON e.tenant_id = u.tenant_id AND e.organisation_id = u.id AND ${employed}
      WHERE u.tenant_id = ${tenantId} AND u.kind = 'sub_unit' AND u.parent_id IS NOT NULL AND ${parent}`;
}

export async function membersOf(db: Db, tenantId: string, organisationId: string, date: string) {
  const { rows } = await sql<{ person_id: string; full_name: string }>`
    SELECT m.person_id, p.full_name FROM (${membersSql(tenantId, [organisationId], date)}) m
    JOIN people p ON p.tenant_id = ${tenantId} AND p.id = m.person_id
    ORDER BY p.sort_key`.execute(db);
  return rows;
}

/** The members' records needed to judge a collective for one year. */
export async function memberFactsOf(db: Db, tenantId: string, personIds: readonly string[], year: number) {
  if (personIds.length === 0) return { ratings: [], awards: [], disciplines: [] };
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const [ratings, awards, disciplines] = await Promise.all([
    db.selectFrom('annual_ratings').select(['person_id', 'rating']).where('tenant_id', '=', tenantId)
      .where('person_id', 'in', personIds).where('year', '=', year).execute(),
    db.selectFrom('awards').select(['person_id', 'award_form']).where('tenant_id', '=', tenantId)
      .where('person_id', 'in', personIds).where('year', '=', year).where('revoked_on', 'is', null).execute(),
    db.selectFrom('disciplines').select(['person_id', 'form', 'starts_on', 'ends_on']).where('tenant_id', '=', tenantId)
      .where('person_id', 'in', personIds).where('starts_on', '<=', last)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', first)])).execute(),
  ]);
  return { ratings, awards, disciplines };
}

export async function findRecordRow(db: Db, table: 'annual_ratings' | 'awards' | 'initiatives' | 'disciplines', tenantId: string, id: string) {
  return db.selectFrom(table).select(['id', 'person_id', 'organisation_id']).where('tenant_id', '=', tenantId)
    .where('id', '=', id).executeTakeFirst();
}

/** The records of many subjects of one kind at once (four queries), grouped by subject id. */
export async function recordsOfMany(db: Db, tenantId: string, kind: SubjectKind, ids: readonly string[]) {
  const column = kind === 'person' ? 'person_id' : 'organisation_id';
  const empty = () => ({ ratings: [] as RatingRow[], awards: [] as AwardRow[], initiatives: [] as InitiativeRow[], disciplines: [] as DisciplineRow[] });
  const out = new Map(ids.map((id) => [id, empty()]));
  if (ids.length === 0) return out;
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const [ratings, awards, initiatives, disciplines] = await Promise.all([
      db.selectFrom('annual_ratings').selectAll().where('tenant_id', '=', tenantId).where(column, 'in', chunk).orderBy('year').execute(),
      db.selectFrom('awards').selectAll().where('tenant_id', '=', tenantId).where(column, 'in', chunk).orderBy('year').execute(),
      db.selectFrom('initiatives').selectAll().where('tenant_id', '=', tenantId).where(column, 'in', chunk).orderBy('year').execute(),
      db.selectFrom('disciplines').selectAll().where('tenant_id', '=', tenantId).where(column, 'in', chunk).orderBy('starts_on').execute(),
    ]);
    const of = (r: { person_id: string | null; organisation_id: string | null }) => out.get((r.person_id ?? r.organisation_id)!)!;
    for (const r of ratings) of(r).ratings.push(r);
    for (const r of awards) of(r).awards.push(r);
    for (const r of initiatives) of(r).initiatives.push(r);
    for (const r of disciplines) of(r).disciplines.push(r);
  }
  return out;
}
type RatingRow = Selectable<Database['annual_ratings']>;
type AwardRow = Selectable<Database['awards']>;
type InitiativeRow = Selectable<Database['initiatives']>;
type DisciplineRow = Selectable<Database['disciplines']>;
