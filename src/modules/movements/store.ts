import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, MovementPhasesTable, MovementsTable } from '../../platform/db/schema.ts';
import { pathUnder, validOn } from '../organisations/index.ts';
import { planSchema, type Plan } from './plan.ts';
import { formsSeenBy, notRetired } from '../awards/index.ts';

type Db = Kysely<Database>;
export type MovementRow = Selectable<MovementsTable> & { organisation_name: string; organisation_path: string };
export type PhaseRow = Selectable<MovementPhasesTable>;

const withIssuer = (db: Db) => db.selectFrom('movements as m')
  .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.organisation_id'))
  .selectAll('m').select(['o.name as organisation_name', 'o.path as organisation_path']);

export async function findMovement(db: Db, tenantId: string, id: string): Promise<MovementRow | undefined> {
  return withIssuer(db).where('m.tenant_id', '=', tenantId).where('m.id', '=', id).executeTakeFirst();
}

/** Holds the movement's row until the transaction ends: edits and amendments of one plan go one after another. */
export async function lockMovement(db: Db, tenantId: string, id: string) {
  await db.selectFrom('movements').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().execute();
}

/** Of these phases, those on which some unit has started a report. */
export async function phasesWithReports(db: Db, tenantId: string, phaseIds: readonly string[]): Promise<Set<string>> {
  if (phaseIds.length === 0) return new Set();
  const rows = await db.selectFrom('unit_reports').select('phase_id').distinct().where('tenant_id', '=', tenantId)
    .where('phase_id', 'in', phaseIds).execute();
  return new Set(rows.map((r) => r.phase_id));
}

export function planOf(row: Pick<MovementRow, 'plan'>): Plan {
  return planSchema.parse(row.plan);
}

export async function phasesOf(db: Db, tenantId: string, movementId: string): Promise<PhaseRow[]> {
  return db.selectFrom('movement_phases').selectAll().where('tenant_id', '=', tenantId)
    .where('movement_id', '=', movementId).orderBy('position').execute();
}

export interface MovementListFilter {
  /** issued by an organisation under these subtrees (drafts included) */
  ownPrefixes: string[];
  /** or issued (not draft) by one of these organisations above the actor */
  ancestorPaths: string[];
  tokens: string[];
  status?: 'draft' | 'issued' | 'closed' | undefined;
  year?: number | undefined;
}

/** Movements the actor may read: their subtree's, and the issued plans of the organisations above them. */
export async function listMovements(db: Db, tenantId: string, f: MovementListFilter) {
  let query = withIssuer(db).where('m.tenant_id', '=', tenantId)
    .where((eb) => eb.or([
      pathUnder('o.path', f.ownPrefixes),
      f.ancestorPaths.length ? eb.and([eb('o.path', 'in', f.ancestorPaths), eb('m.status', '!=', 'draft')]) : sql<boolean>`false`,
    ]));
  for (const token of f.tokens) query = query.where('m.name_fold', 'like', `%${token}%`);
  if (f.status) query = query.where('m.status', '=', f.status);
  if (f.year) query = query.where('m.period_start', '<=', `${f.year}-12-31`).where('m.period_end', '>=', `${f.year}-01-01`);
  return query.orderBy('m.period_start', 'desc').orderBy('m.id', 'desc').limit(500).execute();
}

/** Kinds that do not answer a plan (or report on it) themselves: their parent answers for them. */
export const NOT_RESPONDING_KINDS: readonly string[] = ['sub_unit', 'residential_group', 'enterprise', 'cooperative'];

/**
 * The organisations directly under the issuer that are expected to respond (units, districts,
 * communes — not its own sub-units), with their response plan, registration and latest reminder.
 */
export async function responsesTo(db: Db, tenantId: string, movement: MovementRow, today: string) {
  return db.selectFrom('organisations as o')
    .leftJoin('movements as child', (j) => j.onRef('child.tenant_id', '=', 'o.tenant_id')
      .onRef('child.organisation_id', '=', 'o.id').on('child.parent_movement_id', '=', movement.id))
    .leftJoin('movement_registrations as r', (j) => j.onRef('r.tenant_id', '=', 'o.tenant_id')
      .onRef('r.organisation_id', '=', 'o.id').on('r.movement_id', '=', movement.id))
    .select((eb) => [
      'o.id', 'o.name', 'o.kind', 'child.id as child_id', 'child.status as child_status', 'child.issued_on as child_issued_on',
      'child.updated_at as child_updated_at', 'r.registered_at',
      eb.selectFrom('movement_reminders as rm').select((inner) => inner.fn.max('rm.sent_at').as('at'))
        .whereRef('rm.tenant_id', '=', 'o.tenant_id').whereRef('rm.organisation_id', '=', 'o.id')
        .where('rm.movement_id', '=', movement.id).as('last_reminder_at'),
    ])
    .where('o.tenant_id', '=', tenantId).where('o.parent_id', '=', movement.organisation_id)
    .where('o.kind', 'not in', NOT_RESPONDING_KINDS)
    .where(validOn('o.valid_from', 'o.valid_to', today))
    .orderBy('o.sort_key').execute();
}

export async function registrationsOf(db: Db, tenantId: string, movementId: string, prefixes: string[]) {
  return db.selectFrom('movement_registrations as r')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.organisation_id'))
    .select(['r.id', 'r.organisation_id', 'o.name as organisation_name', 'o.path as organisation_path', 'r.titles', 'r.commitments', 'r.registered_at',
      'r.status', 'r.approved_at'])
    .where('r.tenant_id', '=', tenantId).where('r.movement_id', '=', movementId).where(pathUnder('o.path', prefixes))
    .orderBy('o.sort_key').execute();
}

export async function amendmentsOf(db: Db, tenantId: string, movementId: string) {
  return db.selectFrom('movement_amendments').selectAll().where('tenant_id', '=', tenantId)
    .where('movement_id', '=', movementId).orderBy('sequence').execute();
}

/** The forms a plan may offer: those the tenant sees and has not retired. */
export async function awardFormCodes(db: Db, tenantId: string, today: string): Promise<Set<string>> {
  return new Set((await formsSeenBy(db, tenantId).where(notRetired(tenantId, today)).select('code').execute()).map((r) => r.code));
}

/** The named entries of registrations (who registers for which title), in the order they were written. */
export async function registrationEntriesOf(db: Db, tenantId: string, registrationIds: string[]) {
  if (registrationIds.length === 0) return [];
  return db.selectFrom('movement_registration_entries').select(['registration_id', 'award_form', 'person_id', 'organisation_id', 'name'])
    .where('tenant_id', '=', tenantId).where('registration_id', 'in', registrationIds).orderBy('position').execute();
}

/**
 * Of the named people and collectives, those the unit may register today, with their names: people employed in
 * its subtree, collectives of its subtree in existence. One statement each, whatever the number.
 */
export async function registrableSubjects(db: Db, tenantId: string, path: string, today: string, personIds: string[], organisationIds: string[]) {
  const people = personIds.length === 0 ? [] : (await sql<{ id: string; name: string }>`SELECT DISTINCT p.id, p.full_name AS name FROM people p
    JOIN employments e ON e.tenant_id = p.tenant_id AND e.person_id = p.id AND e.start_date <= ${today} AND (e.end_date IS NULL OR e.end_date >= ${today})
    JOIN organisations o ON o.tenant_id = e.tenant_id AND o.id = e.organisation_id AND o.path LIKE ${`${path}%`}
    WHERE p.tenant_id = ${tenantId} AND p.id = ANY(${personIds}::uuid[])`.execute(db)).rows;
  const units = organisationIds.length === 0 ? [] : (await sql<{ id: string; name: string }>`SELECT o.id, o.name FROM organisations o
    WHERE o.tenant_id = ${tenantId} AND o.path LIKE ${`${path}%`} AND (o.valid_to IS NULL OR o.valid_to >= ${today})
      AND o.id = ANY(${organisationIds}::uuid[])`.execute(db)).rows;
  return { people: new Map(people.map((p) => [p.id, p.name])), units: new Map(units.map((u) => [u.id, u.name])) };
}
