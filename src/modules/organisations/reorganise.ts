import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, OrganisationRow } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { canReach, type Actor } from '../../platform/auth/policy.ts';
import { addDays, formatDate } from '../../platform/vn/dates.ts';
import { reorganisationProblem, type AdministrativeLevel, type OrganisationKind, type ReorganisedUnit } from './model.ts';
import { findOrganisation, insertOrganisation, organisationRow } from './store.ts';
import { assertCodesFree } from './service.ts';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/**
 * Merging units into one and splitting a unit among several (the 2025 reorganisation: districts
 * abolished, communes merged, a district shared among communes). One transaction: the predecessors
 * end the day before `onDate`, the successions are recorded (organisation_successions, and the one
 * successor link when there is exactly one), the people and role grants move, one audit row for the
 * whole and one per role grant. People and accounts are higher modules: they act through the hooks
 * src/app wires in (a lower module that must act on a higher one's data takes a callback).
 */
export interface MovePeopleInput {
  tenantId: string; onDate: string; now: Date;
  /** merge: everything in force at these units goes to `to` */
  all: { from: string[]; to: string } | null;
  /** split: the employments the officer placed, each to its successor; the others stay for later */
  employments: { id: string; to: string }[];
  /** the unit being split (the employments picked must be there) */
  splitFrom: string | null;
}
export interface MoveGrantsInput {
  tenantId: string; now: Date; actorUserId: string; requestId: string;
  from: { id: string; path: string }[];
  /** the successor every grant moves to, or null: the grants end */
  to: { id: string; path: string } | null;
}
export interface ReorganisationHooks {
  movePeople(trx: Trx, input: MovePeopleInput): Promise<{ employments: number; residences: number; households: number; left: number }>;
  moveGrants(trx: Trx, input: MoveGrantsInput): Promise<{ moved: number; ended: number }>;
}

export interface UnitVersion { id: string; version: number }
export interface NewUnit { parentId: string; name: string; kind: OrganisationKind; level: AdministrativeLevel; code?: string | null | undefined; shortName?: string | null | undefined }
export type SuccessorInput = (UnitVersion | { create: NewUnit }) & { shareNote?: string | undefined };

export interface MergeInput { onDate: string; units: UnitVersion[]; successor: SuccessorInput; grants: 'move' | 'end' }
export interface SplitInput {
  onDate: string; unit: UnitVersion; successors: SuccessorInput[];
  /** employments in force at the unit, each placed at a successor (by its position in `successors`) */
  employments: { employmentId: string; successor: number }[];
  /** the successor (by position) the unit's role grants move to, or null: they end */
  grantsTo: number | null;
}

export interface ReorganisationResult {
  predecessors: { id: string; name: string; validTo: string }[];
  successors: { id: string; name: string; created: boolean }[];
  employmentsMoved: number; employmentsLeft: number; residencesMoved: number; householdsMoved: number;
  grantsMoved: number; grantsEnded: number;
}

const unitOf = (o: OrganisationRow): ReorganisedUnit => ({ id: o.id, name: o.name, path: o.path, validFrom: o.valid_from, validTo: o.valid_to });

/** A unit named in the body: it must exist in the tenant and be within the actor's write scope, else it is unknown. */
async function writableUnit(db: Db, actor: Actor, id: string, code: 'reorganisation.unknown_unit' | 'reorganisation.unknown_successor' | 'reorganisation.unknown_parent') {
  const org = await findOrganisation(db, actor.tenantId, id);
  if (!org || !canReach(actor, 'organisation.write', org.path)) throw new AppError(code, 404, { id });
  return org;
}

async function lockUnits(trx: Trx, tenantId: string, ids: string[]) {
  await sql`SELECT 1 FROM organisations WHERE tenant_id = ${tenantId} AND id IN (${sql.join(ids)}) ORDER BY id FOR UPDATE`.execute(trx);
}

interface Plan { onDate: string; predecessors: (UnitVersion & { row: OrganisationRow })[]; successors: SuccessorInput[] }

/** Reads and checks everything named before the transaction; the same checks run again under the locks. */
async function prepare(ctx: CommandContext, plan: Omit<Plan, 'predecessors'> & { predecessors: UnitVersion[] }) {
  const { db, actor } = ctx;
  const predecessors = [];
  for (const p of plan.predecessors) predecessors.push({ ...p, row: await writableUnit(db, actor, p.id, 'reorganisation.unknown_unit') });
  for (const s of plan.successors) {
    if ('create' in s) await writableUnit(db, actor, s.create.parentId, 'reorganisation.unknown_parent');
    else await writableUnit(db, actor, s.id, 'reorganisation.unknown_successor');
  }
  return { ...plan, predecessors };
}

async function check(trx: Db, tenantId: string, plan: Plan) {
  const rows = new Map<string, OrganisationRow>();
  for (const p of plan.predecessors) rows.set(p.id, (await findOrganisation(trx, tenantId, p.id))!);
  const successors: (ReorganisedUnit | { name: string; parentPath: string })[] = [];
  for (const s of plan.successors) {
    if ('create' in s) successors.push({ name: s.create.name, parentPath: (await findOrganisation(trx, tenantId, s.create.parentId))!.path });
    else {
      const row = (await findOrganisation(trx, tenantId, s.id))!;
      rows.set(s.id, row);
      successors.push(unitOf(row));
    }
  }
  // optimistic concurrency: every existing unit as the officer saw it
  for (const u of [...plan.predecessors, ...plan.successors.filter((s): s is UnitVersion & { shareNote?: string } => !('create' in s))]) {
    const row = rows.get(u.id)!;
    if (row.version !== u.version) throw new AppError('reorganisation.stale', 409, { name: row.name });
  }
  const problem = reorganisationProblem(plan.onDate, plan.predecessors.map((p) => unitOf(rows.get(p.id)!)), successors);
  if (problem) {
    const params: Record<string, string> = { ...problem.params };
    for (const key of ['validFrom', 'validTo', 'date'] as const) if (params[key]) params[key] = formatDate(params[key]);
    throw new AppError(problem.code, 422, params);
  }
  // a unit closes with nothing still open under it: its sub-units are merged, moved or ended first
  for (const p of plan.predecessors) {
    const row = rows.get(p.id)!;
    const open = await trx.selectFrom('organisations').select('name').where('tenant_id', '=', tenantId).where('parent_id', '=', row.id)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', plan.onDate)])).orderBy('sort_key').execute();
    if (open.length > 0) {
      throw new AppError('reorganisation.open_children', 422, { name: row.name, count: open.length, children: open.slice(0, 5).map((o) => o.name).join('; ') });
    }
  }
}

/** The successors as rows: the existing ones, and the new ones inserted (in force from `onDate`). */
async function placeSuccessors(trx: Trx, ctx: CommandContext, plan: Plan) {
  const placed: { row: OrganisationRow; created: boolean; shareNote: string }[] = [];
  for (const s of plan.successors) {
    if ('create' in s) {
      const parent = (await findOrganisation(trx, ctx.actor.tenantId, s.create.parentId))!;
      const id = uuidv7(ctx.now.getTime());
      await assertCodesFree(trx, ctx.actor.tenantId, { code: s.create.code }, null);
      await insertOrganisation(trx, organisationRow(ctx.actor.tenantId, id, parent.path, {
        parentId: parent.id, name: s.create.name, shortName: s.create.shortName ?? null, kind: s.create.kind, level: s.create.level,
        code: s.create.code ?? null, validFrom: plan.onDate, standingAgencyId: parent.standing_agency_id,
      }, ctx.now));
      placed.push({ row: (await findOrganisation(trx, ctx.actor.tenantId, id))!, created: true, shareNote: s.shareNote ?? '' });
    } else {
      placed.push({ row: (await findOrganisation(trx, ctx.actor.tenantId, s.id))!, created: false, shareNote: s.shareNote ?? '' });
    }
  }
  return placed;
}

/** Predecessors end the day before; each is linked to its successors; every unit touched gets a new version. */
async function closeAndLink(trx: Trx, tenantId: string, now: Date, onDate: string, predecessors: OrganisationRow[],
  successors: { row: OrganisationRow; shareNote: string }[]) {
  const validTo = addDays(onDate, -1);
  for (const p of predecessors) {
    await trx.updateTable('organisations').set({
      valid_to: validTo, successor_id: successors.length === 1 ? successors[0]!.row.id : null,
      version: sql<number>`version + 1`, updated_at: now,
    }).where('tenant_id', '=', tenantId).where('id', '=', p.id).execute();
    await trx.insertInto('organisation_successions').values(successors.map((s) => ({
      tenant_id: tenantId, predecessor_id: p.id, successor_id: s.row.id, on_date: onDate, share_note: s.shareNote,
    }))).onConflict((oc) => oc.columns(['tenant_id', 'predecessor_id', 'successor_id']).doUpdateSet({ on_date: onDate })).execute();
  }
  const existing = successors.map((s) => s.row.id);
  await trx.updateTable('organisations').set({ version: sql<number>`version + 1`, updated_at: now })
    .where('tenant_id', '=', tenantId).where('id', 'in', existing).execute();
  return validTo;
}

export async function mergeUnits(ctx: CommandContext, hooks: ReorganisationHooks, input: MergeInput): Promise<ReorganisationResult> {
  const plan = await prepare(ctx, { onDate: input.onDate, predecessors: input.units, successors: [input.successor] });
  const { actor } = ctx;
  return ctx.db.transaction().execute(async (trx) => {
    await lockUnits(trx, actor.tenantId, [...input.units.map((u) => u.id), ...('create' in input.successor ? [] : [input.successor.id])]);
    await check(trx, actor.tenantId, plan);
    const [successor] = await placeSuccessors(trx, ctx, plan);
    const predecessors = plan.predecessors.map((p) => p.row);
    const validTo = await closeAndLink(trx, actor.tenantId, ctx.now, input.onDate, predecessors, [successor!]);
    const people = await hooks.movePeople(trx, {
      tenantId: actor.tenantId, onDate: input.onDate, now: ctx.now, all: { from: predecessors.map((p) => p.id), to: successor!.row.id },
      employments: [], splitFrom: null,
    });
    const grants = await hooks.moveGrants(trx, {
      tenantId: actor.tenantId, now: ctx.now, actorUserId: actor.userId, requestId: ctx.requestId,
      from: predecessors.map((p) => ({ id: p.id, path: p.path })), to: input.grants === 'move' ? { id: successor!.row.id, path: successor!.row.path } : null,
    });
    const result: ReorganisationResult = {
      predecessors: predecessors.map((p) => ({ id: p.id, name: p.name, validTo })),
      successors: [{ id: successor!.row.id, name: successor!.row.name, created: successor!.created }],
      employmentsMoved: people.employments, employmentsLeft: people.left, residencesMoved: people.residences, householdsMoved: people.households,
      grantsMoved: grants.moved, grantsEnded: grants.ended,
    };
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'organisation.merge', entityType: 'organisation', entityId: successor!.row.id,
      organisationPath: successor!.row.path, changes: { onDate: input.onDate, ...result }, requestId: ctx.requestId, at: ctx.now,
    });
    return result;
  });
}

export async function splitUnit(ctx: CommandContext, hooks: ReorganisationHooks, input: SplitInput): Promise<ReorganisationResult> {
  const { actor } = ctx;
  const outOfRange = [...input.employments.map((e) => e.successor), ...(input.grantsTo === null ? [] : [input.grantsTo])]
    .find((i) => i < 0 || i >= input.successors.length);
  if (outOfRange !== undefined) throw new AppError('reorganisation.bad_successor_index', 422, { index: outOfRange + 1 });
  const plan = await prepare(ctx, { onDate: input.onDate, predecessors: [input.unit], successors: input.successors });
  return ctx.db.transaction().execute(async (trx) => {
    await lockUnits(trx, actor.tenantId, [input.unit.id, ...input.successors.flatMap((s) => ('create' in s ? [] : [s.id]))]);
    await check(trx, actor.tenantId, plan);
    const successors = await placeSuccessors(trx, ctx, plan);
    const unit = plan.predecessors[0]!.row;
    const validTo = await closeAndLink(trx, actor.tenantId, ctx.now, input.onDate, [unit], successors);
    const people = await hooks.movePeople(trx, {
      tenantId: actor.tenantId, onDate: input.onDate, now: ctx.now, all: null, splitFrom: unit.id,
      employments: input.employments.map((e) => ({ id: e.employmentId, to: successors[e.successor]!.row.id })),
    });
    const target = input.grantsTo === null ? null : successors[input.grantsTo]!.row;
    const grants = await hooks.moveGrants(trx, {
      tenantId: actor.tenantId, now: ctx.now, actorUserId: actor.userId, requestId: ctx.requestId,
      from: [{ id: unit.id, path: unit.path }], to: target ? { id: target.id, path: target.path } : null,
    });
    const result: ReorganisationResult = {
      predecessors: [{ id: unit.id, name: unit.name, validTo }],
      successors: successors.map((s) => ({ id: s.row.id, name: s.row.name, created: s.created })),
      employmentsMoved: people.employments, employmentsLeft: people.left, residencesMoved: people.residences, householdsMoved: people.households,
      grantsMoved: grants.moved, grantsEnded: grants.ended,
    };
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'organisation.split', entityType: 'organisation', entityId: unit.id,
      organisationPath: unit.path, changes: { onDate: input.onDate, ...result }, requestId: ctx.requestId, at: ctx.now,
    });
    return result;
  });
}

