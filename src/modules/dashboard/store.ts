import { sql, type Kysely } from 'kysely';
import type { BatchStatus, Database } from '../../platform/db/schema.ts';
import type { IsoDate } from '../../platform/vn/dates.ts';
import { pathUnder } from '../organisations/index.ts';
import { OWED_PHASE_KINDS, type DueKind } from './model.ts';

/**
 * The dashboard's SQL: every block is one set-based query (or one per source) over existing indexes,
 * named beside each query. Nothing here loops over rows.
 */
type Db = Kysely<Database>;

/** The organisations at these paths (organisations_path). */
export async function organisationsAt(db: Db, tenantId: string, paths: readonly string[]) {
  if (paths.length === 0) return [];
  return db.selectFrom('organisations').select(['id', 'name', 'path', 'sort_key'])
    .where('tenant_id', '=', tenantId).where('path', 'in', [...paths]).orderBy('sort_key').execute();
}

/**
 * Issued plans of the organisations at these paths (the levels above the user's units), with their phases
 * that fall on the units below and are due from `since` on: organisations_path → movements_organisation →
 * movement_phases_movement. Phases without a due date cannot be late and are left out.
 */
export async function plansAbove(db: Db, tenantId: string, issuerPaths: readonly string[], since: IsoDate) {
  if (issuerPaths.length === 0) return { movements: [], phases: [] };
  const movements = await db.selectFrom('movements as m')
    .innerJoin('organisations as i', (j) => j.onRef('i.tenant_id', '=', 'm.tenant_id').onRef('i.id', '=', 'm.organisation_id'))
    .select(['m.id', 'm.name', 'm.plan', 'm.organisation_id', 'i.name as issuer_name', 'i.path as issuer_path'])
    .where('i.tenant_id', '=', tenantId).where('i.path', 'in', [...issuerPaths]).where('m.status', '=', 'issued')
    .execute();
  if (movements.length === 0) return { movements, phases: [] };
  const phases = await db.selectFrom('movement_phases')
    .select(['id', 'movement_id', 'kind', 'title', 'starts_on', 'due_on', 'inherited_from'])
    .where('tenant_id', '=', tenantId).where('movement_id', 'in', movements.map((m) => m.id))
    .where('due_from', '=', 'subordinates').where('kind', 'in', [...OWED_PHASE_KINDS])
    .where('due_on', 'is not', null).where('due_on', '>=', since)
    .execute();
  return { movements, phases };
}

/** One deadline asked of one unit: `key` is how the answer comes back. */
export interface DueAsk { key: string; kind: DueKind; movementId: string; phaseId: string | null; awardItemId: string | null; unitId: string }

/**
 * Where the system learns that a unit did what a deadline asked: one source per kind of work, each one
 * query for every ask of its kinds. A kind no source answers is shown as "due" without a done flag.
 *
 * A source may answer only some asks of its kinds (`knows`): unit reports are written in the system only
 * for phases with an outline; a review without one is still shown, as "due" without a done flag.
 */
export interface DoneSource {
  kinds: readonly DueKind[];
  doneAt(db: Db, tenantId: string, asks: readonly DueAsk[]): Promise<Map<string, Date>>;
  knows?(db: Db, tenantId: string, asks: readonly DueAsk[]): Promise<Set<string>>;
}

const distinct = (values: readonly string[]) => [...new Set(values)];

/** A response plan: the unit's own plan cascaded from the one above, issued (movements_parent). */
const responsePlans: DoneSource = {
  kinds: ['response_plan'],
  async doneAt(db, tenantId, asks) {
    const rows = await db.selectFrom('movements').select(['parent_movement_id', 'organisation_id', 'issued_on'])
      .where('tenant_id', '=', tenantId).where('parent_movement_id', 'in', distinct(asks.map((a) => a.movementId)))
      .where('organisation_id', 'in', distinct(asks.map((a) => a.unitId))).where('status', 'in', ['issued', 'closed'])
      .where('issued_on', 'is not', null).execute();
    // a plan counts from the start of the day it was signed (the deadline is the end of a day)
    const issued = new Map(rows.map((r) => [`${r.parent_movement_id}|${r.organisation_id}`, new Date(`${r.issued_on}T00:00:00+07:00`)]));
    return answers(asks, (a) => issued.get(`${a.movementId}|${a.unitId}`));
  },
};

/** A registration (đăng ký thi đua) of the unit for the plan (movement_registrations unique key). */
const registrations: DoneSource = {
  kinds: ['registration'],
  async doneAt(db, tenantId, asks) {
    const rows = await db.selectFrom('movement_registrations').select(['movement_id', 'organisation_id', 'registered_at'])
      .where('tenant_id', '=', tenantId).where('movement_id', 'in', distinct(asks.map((a) => a.movementId)))
      .where('organisation_id', 'in', distinct(asks.map((a) => a.unitId))).execute();
    const at = new Map(rows.map((r) => [`${r.movement_id}|${r.organisation_id}`, r.registered_at]));
    return answers(asks, (a) => at.get(`${a.movementId}|${a.unitId}`));
  },
};

/** A nomination: the unit's batch for the plan (for a window, for that award) submitted by its head (nomination_batches_movement). */
const nominations: DoneSource = {
  kinds: ['nomination', 'nomination_window'],
  async doneAt(db, tenantId, asks) {
    const rows = await db.selectFrom('nomination_batches').select(['movement_id', 'award_item_id', 'organisation_id', 'submitted_at'])
      .where('tenant_id', '=', tenantId).where('movement_id', 'in', distinct(asks.map((a) => a.movementId)))
      .where('organisation_id', 'in', distinct(asks.map((a) => a.unitId))).where('submitted_at', 'is not', null).execute();
    const first = (a: DueAsk) => rows.filter((r) => r.movement_id === a.movementId && r.organisation_id === a.unitId
      && (a.awardItemId === null || r.award_item_id === a.awardItemId)).map((r) => r.submitted_at!).sort((x, y) => x.getTime() - y.getTime())[0];
    return answers(asks, first);
  },
};

/**
 * A unit report on a phase's outline (reports module): sent once, even if returned since (a return is the
 * receiving level's act), at its first submission (unit_reports' unique (phase_id, organisation_id)).
 */
const unitReports: DoneSource = {
  kinds: ['periodic_report', 'mid_term_review', 'final_review'],
  async doneAt(db, tenantId, asks) {
    const rows = await db.selectFrom('unit_reports').select(['phase_id', 'organisation_id', 'first_submitted_at'])
      .where('tenant_id', '=', tenantId).where('phase_id', 'in', distinct(asks.map((a) => a.phaseId!)))
      .where('organisation_id', 'in', distinct(asks.map((a) => a.unitId))).where('first_submitted_at', 'is not', null).execute();
    const at = new Map(rows.map((r) => [`${r.phase_id}|${r.organisation_id}`, r.first_submitted_at!]));
    return answers(asks, (a) => at.get(`${a.phaseId}|${a.unitId}`));
  },
  async knows(db, tenantId, asks) {
    const outlined = await db.selectFrom('movement_phases').select('id')
      .where('tenant_id', '=', tenantId).where('id', 'in', distinct(asks.map((a) => a.phaseId!))).where('outline', 'is not', null).execute();
    const ids = new Set(outlined.map((p) => p.id));
    return new Set(asks.filter((a) => ids.has(a.phaseId!)).map((a) => a.key));
  },
};

export const DONE_SOURCES: readonly DoneSource[] = [responsePlans, registrations, nominations, unitReports];

function answers(asks: readonly DueAsk[], find: (a: DueAsk) => Date | undefined): Map<string, Date> {
  const out = new Map<string, Date>();
  for (const a of asks) {
    const at = find(a);
    if (at) out.set(a.key, at);
  }
  return out;
}

export interface WaitingBatches {
  statuses: readonly BatchStatus[];
  where: 'unit' | 'receiving';
  prefixes: readonly string[];
  /** leave out batches whose receiving level lies here: the actor sent them back, they are not waiting on them */
  notReceivingUnder?: readonly string[];
  /** only the batches assigned to this user (the standing agency's specialist) */
  assignedTo?: string;
  /** only the batches whose list the head has not reviewed yet (desk.ts) */
  unreviewed?: boolean;
}

/**
 * Batches in one of the statuses whose nominating unit ('unit', nomination_batches_unit) or receiving level
 * ('receiving', nomination_batches_receiving) lies in the prefixes: the total and the oldest few, each with the
 * reason of the step that put it where it is (a return's, a close's), read from its history (nomination_events_batch).
 */
export async function batchesWaiting(db: Db, tenantId: string, w: WaitingBatches, limit: number) {
  if (w.prefixes.length === 0) return { total: 0, rows: [] };
  let base = db.selectFrom('nomination_batches as b')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'b.tenant_id').onRef('o.id', '=', 'b.organisation_id'))
    .innerJoin('organisations as r', (j) => j.onRef('r.tenant_id', '=', 'b.tenant_id').onRef('r.id', '=', 'b.receiving_organisation_id'))
    .where('b.tenant_id', '=', tenantId).where('b.status', 'in', [...w.statuses])
    .where(pathUnder(w.where === 'unit' ? 'o.path' : 'r.path', w.prefixes));
  if (w.notReceivingUnder?.length) base = base.where((eb) => eb.not(pathUnder('r.path', w.notReceivingUnder!)));
  if (w.assignedTo) base = base.where('b.assigned_to', '=', w.assignedTo);
  if (w.unreviewed) base = base.where('b.list_reviewed_at', 'is', null);
  const [rows, count] = await Promise.all([
    base.select(['b.id', 'b.title', 'b.status', 'b.updated_at', 'o.name as organisation_name'])
      .select((eb) => eb.selectFrom('nomination_events as e').select('e.reason')
        .whereRef('e.tenant_id', '=', 'b.tenant_id').whereRef('e.batch_id', '=', 'b.id').where('e.candidate_id', 'is', null)
        .orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(1).as('reason'))
      .orderBy('b.updated_at').orderBy('b.id').limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows };
}

/**
 * Award decisions drafted and not yet issued at an authority under the prefixes: what waits for its signer
 * (award_decisions_authority, the drafts of a tenant being few).
 */
export async function decisionsAwaitingSignature(db: Db, tenantId: string, prefixes: readonly string[], limit: number) {
  if (prefixes.length === 0) return { total: 0, rows: [] };
  const base = db.selectFrom('award_decisions as d')
    .innerJoin('organisations as a', (j) => j.onRef('a.tenant_id', '=', 'd.tenant_id').onRef('a.id', '=', 'd.authority_organisation_id'))
    .innerJoin('award_forms as f', 'f.code', 'd.award_form')
    .where('d.tenant_id', '=', tenantId).where('d.status', '=', 'draft').where(pathUnder('a.path', prefixes));
  const [rows, count] = await Promise.all([
    base.select(['d.id', 'd.number', 'd.symbol', 'd.reason', 'd.signed_on', 'f.name as award_form_name', 'a.name as authority_name'])
      .orderBy('d.created_at').orderBy('d.id').limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows };
}

/** Council meetings not yet closed at a level under the prefixes: the standing agency runs them (council_meetings_voting). */
export async function meetingsToRun(db: Db, tenantId: string, prefixes: readonly string[], limit: number) {
  if (prefixes.length === 0) return [];
  return db.selectFrom('council_meetings as m')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.organisation_id'))
    .innerJoin('councils as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.council_id'))
    .select(['m.id', 'm.meeting_date', 'm.status', 'c.name as council_name'])
    .where('m.tenant_id', '=', tenantId).where('m.status', '<>', 'closed').where(pathUnder('o.path', prefixes))
    .orderBy('m.meeting_date').orderBy('m.id').limit(limit).execute();
}

/**
 * Per unit directly under the given units: its response plans and registrations for the plans those units
 * issued in the year, counted on time / late / missing / pending, in one grouped query. A child counts
 * for a deadline if it existed on that day (a district abolished in 2025 still owed its 2025 plans).
 * Indexes: organisations_parent (children), movements_organisation (plans), movement_phases_movement,
 * movements_parent (responses), movement_registrations' unique (movement_id, organisation_id).
 */
export async function punctualityOf(db: Db, tenantId: string, unitIds: readonly string[], year: number, today: IsoDate) {
  if (unitIds.length === 0) return [];
  // the done instant against the end of the due day in Việt Nam (model.ts deadlineInstant), in SQL
  const deadline = sql<Date>`((p.due_on + 1)::text || ' 00:00:00+07')::timestamptz`;
  const doneAt = sql<Date | null>`CASE p.kind WHEN 'response_plan' THEN (ch.issued_on::text || ' 00:00:00+07')::timestamptz ELSE r.registered_at END`;
  const count = (condition: ReturnType<typeof sql<boolean>>) => sql<number>`count(*) FILTER (WHERE ${condition})`;
  return db.selectFrom('organisations as c')
    .innerJoin('movements as m', (j) => j.onRef('m.tenant_id', '=', 'c.tenant_id').onRef('m.organisation_id', '=', 'c.parent_id'))
    .innerJoin('movement_phases as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.movement_id', '=', 'm.id'))
    .leftJoin('movements as ch', (j) => j.onRef('ch.tenant_id', '=', 'c.tenant_id').onRef('ch.organisation_id', '=', 'c.id')
      .onRef('ch.parent_movement_id', '=', 'm.id').on('ch.status', 'in', ['issued', 'closed']).on('p.kind', '=', 'response_plan'))
    .leftJoin('movement_registrations as r', (j) => j.onRef('r.tenant_id', '=', 'c.tenant_id').onRef('r.organisation_id', '=', 'c.id')
      .onRef('r.movement_id', '=', 'm.id').on('p.kind', '=', 'registration'))
    .select([
      'c.id', 'c.name', 'c.parent_id', 'p.kind',
      count(sql<boolean>`${doneAt} IS NOT NULL AND ${doneAt} < ${deadline}`).as('on_time'),
      count(sql<boolean>`${doneAt} IS NOT NULL AND ${doneAt} >= ${deadline}`).as('late'),
      count(sql<boolean>`${doneAt} IS NULL AND p.due_on < ${today}`).as('missing'),
      count(sql<boolean>`${doneAt} IS NULL AND p.due_on >= ${today}`).as('pending'),
    ])
    .where('c.tenant_id', '=', tenantId).where('c.parent_id', 'in', [...unitIds])
    // who responds: units, districts, communes — not a unit's own internal sub-units (as movements/store responsesTo)
    .where('c.kind', 'not in', ['sub_unit', 'residential_group', 'enterprise', 'cooperative'])
    .where('m.status', 'in', ['issued', 'closed']).where('m.issued_on', '>=', `${year}-01-01`).where('m.issued_on', '<=', `${year}-12-31`)
    .where('p.kind', 'in', ['response_plan', 'registration']).where('p.due_from', '=', 'subordinates').where('p.due_on', 'is not', null)
    .where(sql<boolean>`c.valid_from <= p.due_on AND (c.valid_to IS NULL OR c.valid_to >= p.due_on)`)
    .groupBy(['c.id', 'c.name', 'c.sort_key', 'c.parent_id', 'p.kind'])
    .orderBy('c.sort_key').execute();
}

/**
 * Awards decided in the year for recipients under the paths (the recipient's unit at decision time,
 * awards.recipient_path), not revoked, by award form: awards_recipient_path (tenant_id, recipient_path,
 * decided_on) answers the prefix and the year's range.
 */
export async function awardFigures(db: Db, tenantId: string, prefixes: readonly string[], year: number) {
  if (prefixes.length === 0) return [];
  return db.selectFrom('awards as a')
    .innerJoin('award_forms as f', 'f.code', 'a.award_form')
    .select((eb) => ['a.award_form', 'f.name', 'f.category', eb.fn.countAll<number>().as('n'), eb.fn.sum<number | null>('a.amount').as('amount')])
    .where('a.tenant_id', '=', tenantId).where(pathUnder('a.recipient_path', prefixes))
    .where('a.decided_on', '>=', `${year}-01-01`).where('a.decided_on', '<=', `${year}-12-31`).where('a.revoked_on', 'is', null)
    .groupBy(['a.award_form', 'f.name', 'f.category', 'f.sort_order']).orderBy('f.sort_order').execute();
}

/** Who acts for a unit on a deadline: its own officers and head (as the manual reminder in movements/service.ts). */
export const ACTING_ROLES = ['unit_officer', 'unit_head'] as const;

/**
 * The live grants of ACTING_ROLES in the tenant, at units valid today, by unit (role_grants_user is by
 * user; a tenant has a few thousand grants at most, read once a day by the reminder job).
 */
export async function actingOfficers(db: Db, tenantId: string, today: IsoDate) {
  const rows = await db.selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'g.tenant_id').onRef('o.id', '=', 'g.organisation_id'))
    .select(['o.id', 'o.name', 'o.path', 'g.user_id'])
    .where('g.tenant_id', '=', tenantId).where('g.role', 'in', [...ACTING_ROLES]).where('g.revoked_at', 'is', null).where('u.disabled', '=', false)
    .where('o.valid_from', '<=', today).where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>=', today)]))
    .execute();
  const units = new Map<string, { id: string; name: string; path: string; userIds: string[] }>();
  for (const r of rows) {
    const unit = units.get(r.id) ?? { id: r.id, name: r.name, path: r.path, userIds: [] };
    if (!unit.userIds.includes(r.user_id)) unit.userIds.push(r.user_id);
    units.set(r.id, unit);
  }
  return [...units.values()];
}

/** Records that these people were reminded of a deadline; answers those who had not been (deadline_reminders' key). */
export async function markReminded(db: Db, tenantId: string, deadlineKey: string, userIds: readonly string[], at: Date): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db.insertInto('deadline_reminders')
    .values(userIds.map((userId) => ({ tenant_id: tenantId, deadline_key: deadlineKey, user_id: userId, sent_at: at })))
    .onConflict((oc) => oc.columns(['tenant_id', 'deadline_key', 'user_id']).doNothing())
    .returning('user_id').execute();
  return rows.map((r) => r.user_id);
}
