import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, UnitReportEventsTable, UnitReportsTable } from '../../platform/db/schema.ts';
import { NOT_RESPONDING_KINDS } from '../movements/index.ts';
import { validOn } from '../organisations/index.ts';

type Db = Kysely<Database>;
export type ReportRow = Selectable<UnitReportsTable>;
export type ReportEventRow = Selectable<UnitReportEventsTable>;

/** A phase with its movement and the movement's issuer (R): who reports on it lies strictly under R. */
export async function findPhase(db: Db, tenantId: string, phaseId: string) {
  return db.selectFrom('movement_phases as p')
    .innerJoin('movements as m', (j) => j.onRef('m.tenant_id', '=', 'p.tenant_id').onRef('m.id', '=', 'p.movement_id'))
    .innerJoin('organisations as i', (j) => j.onRef('i.tenant_id', '=', 'm.tenant_id').onRef('i.id', '=', 'm.organisation_id'))
    .select(['p.id', 'p.kind', 'p.title', 'p.due_on', 'p.outline', 'p.inherited_from', 'm.id as movement_id', 'm.name as movement_name',
      'm.kind as movement_kind', 'm.status as movement_status', 'm.place', 'm.period_start', 'm.period_end', 'm.document_number',
      'm.document_symbol', 'm.issued_on', 'i.id as issuer_id', 'i.name as issuer_name', 'i.path as issuer_path'])
    .where('p.tenant_id', '=', tenantId).where('p.id', '=', phaseId).executeTakeFirst();
}
export type PhaseRow = NonNullable<Awaited<ReturnType<typeof findPhase>>>;

export async function findReport(db: Db, tenantId: string, phaseId: string, organisationId: string): Promise<ReportRow | undefined> {
  return db.selectFrom('unit_reports').selectAll().where('tenant_id', '=', tenantId)
    .where('phase_id', '=', phaseId).where('organisation_id', '=', organisationId).executeTakeFirst();
}

/** The report under a row lock: two officers saving or a head submitting at once are served in turn. */
export async function lockReport(db: Db, tenantId: string, phaseId: string, organisationId: string): Promise<ReportRow | undefined> {
  return db.selectFrom('unit_reports').selectAll().where('tenant_id', '=', tenantId)
    .where('phase_id', '=', phaseId).where('organisation_id', '=', organisationId).forUpdate().executeTakeFirst();
}

export async function eventsOf(db: Db, tenantId: string, reportId: string) {
  return db.selectFrom('unit_report_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.event', 'e.reason', 'e.late', 'e.at', 'u.display_name as actor_name'])
    .where('e.tenant_id', '=', tenantId).where('e.report_id', '=', reportId).orderBy('e.at').orderBy('e.id').execute();
}

/**
 * The units expected to report to `parentId` on a phase: its direct children that existed on the
 * reference date, of the kinds that answer a plan themselves, plus any other child that holds a report
 * there; each with its report, if any.
 */
export async function expectedUnits(db: Db, tenantId: string, phaseId: string, parentId: string, date: string) {
  return db.selectFrom('organisations as o')
    .leftJoin('unit_reports as r', (j) => j.onRef('r.tenant_id', '=', 'o.tenant_id').onRef('r.organisation_id', '=', 'o.id')
      .on('r.phase_id', '=', phaseId))
    .select(['o.id', 'o.name', 'o.path', 'r.id as report_id', 'r.status', 'r.sections', 'r.first_submitted_at', 'r.submitted_at', 'r.returned_reason'])
    .where('o.tenant_id', '=', tenantId).where('o.parent_id', '=', parentId)
    .where((eb) => eb.or([
      eb.and([eb('o.kind', 'not in', NOT_RESPONDING_KINDS), validOn('o.valid_from', 'o.valid_to', date)]),
      eb('r.id', 'is not', null),
    ]))
    .orderBy('o.sort_key').execute();
}

/**
 * The phase a unit reports on when its own level cascaded the movement: the unit's issued plan's phase
 * inherited from this one ("Mường Khoa's communes report to the district on the district's phase").
 */
export async function cascadedPhase(db: Db, tenantId: string, phaseId: string, organisationId: string) {
  const row = await db.selectFrom('movement_phases as p')
    .innerJoin('movements as m', (j) => j.onRef('m.tenant_id', '=', 'p.tenant_id').onRef('m.id', '=', 'p.movement_id'))
    .select('p.id').where('p.tenant_id', '=', tenantId).where('p.inherited_from', '=', phaseId)
    .where('m.organisation_id', '=', organisationId).where('m.status', '!=', 'draft').where('p.outline', 'is not', null)
    .orderBy('m.issued_on', 'desc').executeTakeFirst();
  return row?.id ?? null;
}

const REF_DATE = sql<string>`coalesce(p.due_on, m.period_end)`;

/**
 * Reports the given organisations owe: phases with an outline of issued plans of organisations strictly
 * above them, on which they existed, unless a level between them cascaded the plan with its own phase
 * (then the unit reports to that level on it).
 */
export async function owedReports(db: Db, tenantId: string, organisationIds: readonly string[], phaseId?: string) {
  if (organisationIds.length === 0) return [];
  let query = db.selectFrom('organisations as o')
    .innerJoin('movements as m', (j) => j.onRef('m.tenant_id', '=', 'o.tenant_id').on('m.status', '=', 'issued'))
    .innerJoin('organisations as i', (j) => j.onRef('i.tenant_id', '=', 'm.tenant_id').onRef('i.id', '=', 'm.organisation_id'))
    .innerJoin('movement_phases as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.movement_id', '=', 'm.id'))
    .leftJoin('unit_reports as r', (j) => j.onRef('r.tenant_id', '=', 'o.tenant_id').onRef('r.organisation_id', '=', 'o.id')
      .onRef('r.phase_id', '=', 'p.id'))
    .select(['p.id as phase_id', 'p.title as phase_title', 'p.due_on', 'm.id as movement_id', 'm.name as movement_name',
      'i.name as issuer_name', 'o.id as organisation_id', 'o.name as organisation_name', 'r.status', 'r.first_submitted_at'])
    .where('o.tenant_id', '=', tenantId).where('o.id', 'in', organisationIds)
    .where('p.outline', 'is not', null)
    .where('o.kind', 'not in', NOT_RESPONDING_KINDS)
    .where(sql<boolean>`o.path LIKE i.path || '%' AND o.id <> i.id`)
    .where(sql<boolean>`o.valid_from <= ${REF_DATE} AND (o.valid_to IS NULL OR o.valid_to >= ${REF_DATE})`)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('movement_phases as p2')
      .innerJoin('movements as m2', (j) => j.onRef('m2.tenant_id', '=', 'p2.tenant_id').onRef('m2.id', '=', 'p2.movement_id'))
      .innerJoin('organisations as i2', (j) => j.onRef('i2.tenant_id', '=', 'm2.tenant_id').onRef('i2.id', '=', 'm2.organisation_id'))
      .select('p2.id')
      .whereRef('p2.tenant_id', '=', 'p.tenant_id').whereRef('p2.inherited_from', '=', 'p.id').where('m2.status', '=', 'issued')
      .where(sql<boolean>`o.path LIKE i2.path || '%' AND o.id <> i2.id`))));
  if (phaseId) query = query.where('p.id', '=', phaseId);
  return query.orderBy(sql`coalesce(p.due_on, m.period_end)`, 'desc').orderBy('o.sort_key').limit(200).execute();
}

/**
 * Reports sent (and not returned) to any of the organisations, on phases due since `since` or with no
 * due date, per phase and receiving organisation, latest due first: what a level has to read, return
 * or compile, whoever issued the plan (a district receives its communes' reports on the province's plan).
 */
export async function reportsSentTo(db: Db, tenantId: string, organisationIds: readonly string[], since: string, limit: number) {
  if (organisationIds.length === 0) return [];
  return db.selectFrom('unit_reports as r')
    .innerJoin('organisations as u', (j) => j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.organisation_id'))
    .innerJoin('organisations as rcv', (j) => j.onRef('rcv.tenant_id', '=', 'u.tenant_id').onRef('rcv.id', '=', 'u.parent_id'))
    .innerJoin('movement_phases as p', (j) => j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.phase_id'))
    .innerJoin('movements as m', (j) => j.onRef('m.tenant_id', '=', 'p.tenant_id').onRef('m.id', '=', 'p.movement_id'))
    .select((eb) => ['p.id as phase_id', 'p.title as phase_title', 'p.due_on', 'm.name as movement_name', 'rcv.id as organisation_id',
      'rcv.name as organisation_name', eb.fn.countAll<number>().as('submitted')])
    .where('r.tenant_id', '=', tenantId).where('r.status', '=', 'submitted').where('u.parent_id', 'in', [...organisationIds])
    .where((eb) => eb.or([eb('p.due_on', 'is', null), eb('p.due_on', '>=', since)]))
    .groupBy(['p.id', 'p.title', 'p.due_on', 'm.name', 'rcv.id', 'rcv.name'])
    .orderBy(sql`p.due_on DESC NULLS LAST`).orderBy('p.id').orderBy('rcv.id')
    .limit(limit).execute();
}

/** Phases with an outline of issued plans these organisations issued: the reports they receive and compile. */
export async function receivedPhases(db: Db, tenantId: string, organisationIds: readonly string[], phaseId?: string) {
  if (organisationIds.length === 0) return [];
  let query = db.selectFrom('movement_phases as p')
    .innerJoin('movements as m', (j) => j.onRef('m.tenant_id', '=', 'p.tenant_id').onRef('m.id', '=', 'p.movement_id'))
    .innerJoin('organisations as i', (j) => j.onRef('i.tenant_id', '=', 'm.tenant_id').onRef('i.id', '=', 'm.organisation_id'))
    .select((eb) => ['p.id as phase_id', 'p.title as phase_title', 'p.due_on', 'm.id as movement_id', 'm.name as movement_name',
      'i.id as organisation_id', 'i.name as organisation_name',
      // sent by the issuer's own units (reports further down go to their own level)
      eb.selectFrom('unit_reports as r')
        .innerJoin('organisations as u', (j) => j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.organisation_id'))
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('r.tenant_id', '=', 'p.tenant_id').whereRef('r.phase_id', '=', 'p.id').whereRef('u.parent_id', '=', 'i.id')
        .where('r.status', '=', 'submitted').as('submitted')])
    .where('p.tenant_id', '=', tenantId).where('m.organisation_id', 'in', organisationIds)
    .where('m.status', '!=', 'draft').where('p.outline', 'is not', null);
  if (phaseId) query = query.where('p.id', '=', phaseId);
  return query.orderBy(sql`coalesce(p.due_on, m.period_end)`, 'desc').limit(200).execute();
}
