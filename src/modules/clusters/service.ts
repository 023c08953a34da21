import type { Kysely } from 'kysely';
import type { CriterionKind, Database, SheetStatus } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { canReach, holdsAt, type Actor } from '../../platform/auth/policy.ts';
import { assertTransition } from '../../platform/workflow.ts';
import {
  assertWithinMax, finalPoints, rankMembers, SHEET_TRANSITIONS, type Capacity, type CriterionFacts, type SheetAction, type Standing,
} from './model.ts';
import {
  criteriaOf, entriesOf, evidenceFilesOf, findCluster, findSheet, followerOf, lockSheet, membersOf, scoresOf,
  type CriterionRow, type EvidenceFileRow, type MemberRow, type ScoreRow, type SheetRow,
} from './store.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';

type Db = Kysely<Database>;

/**
 * Cluster and block score sheets. Who may do what is decided per sheet from the actor's capacities:
 * the organiser's standing agency (cluster.manage over the organiser), the head member's officer or
 * head (cluster.score held at the head organisation that year), the council member following the cluster
 * that year (by person), and each member's officer or head for its own self-assessment. Anyone with none
 * of these does not see the sheet (404). Every write is one transaction with its audit row.
 */
export interface SheetAccess {
  sheet: SheetRow;
  members: MemberRow[];
  follower: { person_id: string; full_name: string } | undefined;
  capacities: Set<Capacity>;
  /** the members the actor scores for */
  scorable: Set<string>;
  headId: string | null;
}

export async function sheetAccess(db: Db, actor: Actor, sheet: SheetRow): Promise<SheetAccess> {
  const [members, follower] = await Promise.all([
    membersOf(db, actor.tenantId, sheet.cluster_id, sheet.year),
    followerOf(db, actor.tenantId, sheet.cluster_id, sheet.year),
  ]);
  const capacities = new Set<Capacity>();
  const headId = members.find((m) => m.role === 'head')?.organisation_id ?? null;
  const scorable = new Set(members.filter((m) => holdsAt(actor, 'cluster.score', m.organisation_id)).map((m) => m.organisation_id));
  if (canReach(actor, 'cluster.manage', sheet.organiser_path)) capacities.add('organiser');
  if (headId && scorable.has(headId)) capacities.add('head');
  if (follower && actor.personId === follower.person_id) capacities.add('follower');
  if (scorable.size > 0) capacities.add('member');
  return { sheet, members, follower, capacities, scorable, headId };
}

/** A sheet the actor has some capacity on, or 404. */
export async function visibleSheet(db: Db, actor: Actor, id: string): Promise<SheetAccess> {
  const sheet = await findSheet(db, actor.tenantId, id);
  if (!sheet) throw notFound('cluster_sheet');
  const access = await sheetAccess(db, actor, sheet);
  if (access.capacities.size === 0) throw notFound('cluster_sheet');
  return access;
}

/** A step the sheet's status does not allow: 409 with a message per status, without parameters. */
const refusal = (status: SheetStatus) => ({ code: `cluster.transition_${status}` as const, params: {} });

export function transitionError(status: SheetStatus): AppError {
  return new AppError(refusal(status).code, 409);
}

/** The action is allowed in this status (else 409) and to one of the actor's capacities (else 403). */
export function allow(access: SheetAccess, action: SheetAction, status: SheetStatus = access.sheet.status) {
  const t = assertTransition(SHEET_TRANSITIONS, status, action, refusal(status));
  if (!t.where.some((c) => access.capacities.has(c))) throw forbidden();
  return t;
}

/** Under the sheet's lock: the status has not moved since it was read (or moved to one that still allows it). */
export async function recheck(trx: Db, access: SheetAccess, action: SheetAction): Promise<SheetStatus> {
  return (await recheckRow(trx, access, action)).status;
}

/** The same, with the locked row; an edit of the sheet made from an older `version` is refused (409 edit.stale). */
async function recheckRow(trx: Db, access: SheetAccess, action: SheetAction, version?: number) {
  const row = await lockSheet(trx, access.sheet.tenant_id, access.sheet.id);
  assertTransition(SHEET_TRANSITIONS, row.status, action, refusal(row.status));
  assertCurrentVersion(version, row.version);
  return row;
}

export async function audit(trx: Db, ctx: CommandContext, sheet: Pick<SheetRow, 'id' | 'organiser_path'>, action: string, changes: Record<string, unknown>) {
  await recordAudit(trx, {
    tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: `cluster.${action}`, entityType: 'cluster_sheet',
    entityId: sheet.id, organisationPath: sheet.organiser_path, changes, requestId: ctx.requestId, at: ctx.now,
  });
}

export const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
export const criterionFacts = (c: CriterionRow): CriterionFacts => ({ id: c.id, kind: c.kind, title: c.title, maxPoints: Number(c.max_points) });

// ---- setting up ------------------------------------------------------------------------------

export interface NewSheet { year: number; title?: string | undefined; flagCount?: number | undefined; bangKhenCount?: number | undefined }

/** The organiser starts the year's sheet of a cluster, in draft. */
export async function createSheet(ctx: CommandContext, clusterId: string, input: NewSheet): Promise<string> {
  const { db, actor } = ctx;
  const cluster = await findCluster(db, actor.tenantId, clusterId);
  if (!cluster || !canReach(actor, 'cluster.manage', cluster.organiser_path)) throw notFound('cluster');
  const members = await membersOf(db, actor.tenantId, cluster.id, input.year);
  if (members.length === 0) throw new AppError('cluster.no_members', 422, { year: input.year });
  const id = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('cluster_sheets').select('id').where('tenant_id', '=', actor.tenantId)
      .where('cluster_id', '=', cluster.id).where('year', '=', input.year).executeTakeFirst();
    if (existing) throw new AppError('cluster.sheet_exists', 409, { year: input.year });
    const title = input.title?.trim() || `Bảng chấm điểm thi đua năm ${input.year} – ${cluster.name}`;
    await trx.insertInto('cluster_sheets').values({
      tenant_id: actor.tenantId, id, cluster_id: cluster.id, year: input.year, title, status: 'draft',
      flag_count: input.flagCount ?? 1, bang_khen_count: input.bangKhenCount ?? 2, flag_batch_id: null, bang_khen_batch_id: null,
      created_by: actor.userId, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    await audit(trx, ctx, { id, organiser_path: cluster.organiser_path }, 'sheet_create', { clusterId: cluster.id, year: input.year, title });
  });
  return id;
}

export interface CriterionInput { kind: CriterionKind; heading?: string | undefined; title: string; maxPoints: number }

/**
 * The organiser writes the sheet's rows while it is a draft: the list given replaces the previous one. Made from an
 * older version of the sheet, it is refused (409 edit.stale) and nothing changes.
 */
export async function replaceCriteria(ctx: CommandContext, sheetId: string, items: CriterionInput[], version?: number): Promise<void> {
  const access = await visibleSheet(ctx.db, ctx.actor, sheetId);
  allow(access, 'edit_criteria');
  const rows = items.map((c, position) => ({
    tenant_id: ctx.actor.tenantId, id: uuidv7(ctx.now.getTime()), sheet_id: sheetId, kind: c.kind, heading: c.heading?.trim() ?? '',
    title: c.title.trim(), max_points: c.maxPoints, position,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await recheckRow(trx, access, 'edit_criteria', version);
    // a draft has no scores yet (self-scoring starts when it opens), so its rows can be replaced whole
    await trx.deleteFrom('cluster_criteria').where('tenant_id', '=', ctx.actor.tenantId).where('sheet_id', '=', sheetId).execute();
    if (rows.length) await trx.insertInto('cluster_criteria').values(rows).execute();
    await trx.updateTable('cluster_sheets').set({ updated_at: ctx.now, version: nextVersion() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', sheetId).execute();
    await audit(trx, ctx, access.sheet, 'criteria_set', { criteria: rows.map((r) => ({ kind: r.kind, title: r.title, max: r.max_points })) });
  });
}

export interface SheetSettings {
  title?: string | undefined; flagCount?: number | undefined; bangKhenCount?: number | undefined;
  /** the version the form was filled from (optimistic concurrency) */
  version?: number | undefined;
}

/** The organiser names the sheet and sets how many members are proposed, until the proposal is made; a stale version is refused (409). */
export async function configureSheet(ctx: CommandContext, sheetId: string, input: SheetSettings): Promise<void> {
  const access = await visibleSheet(ctx.db, ctx.actor, sheetId);
  allow(access, 'configure');
  await ctx.db.transaction().execute(async (trx) => {
    const sheet = await recheckRow(trx, access, 'configure', input.version);
    const after = {
      title: input.title?.trim() || sheet.title, flag_count: input.flagCount ?? sheet.flag_count, bang_khen_count: input.bangKhenCount ?? sheet.bang_khen_count,
    };
    await trx.updateTable('cluster_sheets').set({ ...after, updated_at: ctx.now, version: nextVersion() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', sheetId).execute();
    await audit(trx, ctx, access.sheet, 'sheet_configure', {
      title: [sheet.title, after.title], flagCount: [sheet.flag_count, after.flag_count], bangKhenCount: [sheet.bang_khen_count, after.bang_khen_count],
    });
  });
}

export type MoveAction = 'open' | 'close' | 'rank' | 'reopen';

/** A lifecycle step: open (rows fixed, an entry per member), close, rank (frozen), reopen (votes on ties void). */
export async function moveSheet(ctx: CommandContext, sheetId: string, action: MoveAction): Promise<SheetStatus> {
  const access = await visibleSheet(ctx.db, ctx.actor, sheetId);
  const t = allow(access, action);
  const tenantId = ctx.actor.tenantId;
  await ctx.db.transaction().execute(async (trx) => {
    const from = await recheck(trx, access, action);
    if (action === 'open') {
      const criteria = await criteriaOf(trx, tenantId, sheetId);
      if (!criteria.some((c) => c.kind === 'criterion')) throw new AppError('cluster.no_criteria', 409);
      await trx.insertInto('cluster_sheet_entries').values(access.members.map((m) => ({
        tenant_id: tenantId, sheet_id: sheetId, organisation_id: m.organisation_id, submitted_at: null, submitted_by: null, vote_place: null, vote_note: '',
      }))).onConflict((oc) => oc.doNothing()).execute();
    }
    if (action === 'reopen') {
      await trx.updateTable('cluster_sheet_entries').set({ vote_place: null, vote_note: '', version: nextVersion() })
        .where('tenant_id', '=', tenantId).where('sheet_id', '=', sheetId).execute();
    }
    await trx.updateTable('cluster_sheets').set({ status: t.to!, updated_at: ctx.now, version: nextVersion() }).where('tenant_id', '=', tenantId).where('id', '=', sheetId).execute();
    await audit(trx, ctx, access.sheet, `sheet_${action}`, { status: [from, t.to] });
  });
  return t.to!;
}

// ---- the grid and the ranking ---------------------------------------------------------------

export interface SheetData {
  criteria: CriterionRow[];
  scores: ScoreRow[];
  entries: Awaited<ReturnType<typeof entriesOf>>;
  evidenceFiles: EvidenceFileRow[];
}

export async function sheetData(db: Db, tenantId: string, sheetId: string): Promise<SheetData> {
  const [criteria, scores, entries, evidenceFiles] = await Promise.all([
    criteriaOf(db, tenantId, sheetId), scoresOf(db, tenantId, sheetId), entriesOf(db, tenantId, sheetId), evidenceFilesOf(db, tenantId, sheetId),
  ]);
  return { criteria, scores, entries, evidenceFiles };
}

/** The members' final points fed to the ranking function (model.rankMembers). */
export function standingsOf(members: readonly MemberRow[], data: SheetData): Standing[] {
  return rankMembers(data.criteria.map(criterionFacts), members.map((m) => ({
    organisationId: m.organisation_id, name: m.name, sortKey: m.sort_key,
    points: new Map(data.scores.filter((s) => s.organisation_id === m.organisation_id)
      .map((s) => [s.criterion_id, finalPoints({ self: num(s.self_points), adjusted: num(s.adjusted_points) })])),
    votePlace: data.entries.find((e) => e.organisation_id === m.organisation_id)?.vote_place ?? null,
  })));
}

/** The sheet's criterion with that id (422 when it is not one of the sheet's), checked against its maximum. */
export function criterionFor(criteria: readonly CriterionRow[], id: string, points: number): CriterionRow {
  const criterion = criteria.find((c) => c.id === id);
  if (!criterion) throw new AppError('cluster.unknown_criterion', 422);
  assertWithinMax(criterionFacts(criterion), points);
  return criterion;
}
