import { sql } from 'kysely';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { finalPoints, formatPoints } from './model.ts';
import { criteriaOf } from './store.ts';
import {
  allow, audit, criterionFor, num, recheck, sheetData, standingsOf, visibleSheet, type SheetAccess,
} from './service.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';

/**
 * Scoring a sheet: a member scores itself with evidence and submits; the head member and the council
 * member following the cluster adjust, always with a reason kept in the sheet's history; a tie left after
 * every stated rule is settled by the cluster's vote, recorded with its minutes.
 */

export function memberOf(access: SheetAccess, organisationId: string) {
  const member = access.members.find((m) => m.organisation_id === organisationId);
  if (!member) throw notFound('cluster_member');
  return member;
}

export interface SelfScore { criterionId: string; points: number; evidence?: string | undefined; evidenceLink?: string | undefined }

/** A member's own points on some rows (the rest untouched), each 0..max; nothing is saved if one is not. */
/**
 * A member's self-scores, saved as one form: made from an older version of the member's entry (another officer of
 * the member saved meanwhile), they are refused (409 edit.stale) and nothing changes.
 */
export async function saveSelfScores(ctx: CommandContext, sheetId: string, organisationId: string, scores: SelfScore[], version?: number): Promise<void> {
  const { db, actor } = ctx;
  const access = await visibleSheet(db, actor, sheetId);
  const member = memberOf(access, organisationId);
  allow(access, 'self_score');
  if (!access.scorable.has(organisationId)) throw new AppError('cluster.not_your_member', 403, { name: member.name });
  if (new Set(scores.map((s) => s.criterionId)).size !== scores.length) throw new AppError('cluster.duplicate_criterion', 422);
  const criteria = await criteriaOf(db, actor.tenantId, sheetId);
  for (const s of scores) criterionFor(criteria, s.criterionId, s.points);
  await db.transaction().execute(async (trx) => {
    await recheck(trx, access, 'self_score');
    // the sheet's lock (recheck) serialises every write to its entries
    const entry = await trx.selectFrom('cluster_sheet_entries').select(['submitted_at', 'version']).where('tenant_id', '=', actor.tenantId)
      .where('sheet_id', '=', sheetId).where('organisation_id', '=', organisationId).executeTakeFirst();
    if (entry?.submitted_at) throw new AppError('cluster.already_submitted', 409, { name: member.name });
    assertCurrentVersion(version, entry?.version);
    const before = await trx.selectFrom('cluster_scores').select(['criterion_id', 'self_points']).where('tenant_id', '=', actor.tenantId)
      .where('sheet_id', '=', sheetId).where('organisation_id', '=', organisationId).execute();
    if (scores.length) {
      await trx.insertInto('cluster_scores').values(scores.map((s) => ({
        tenant_id: actor.tenantId, sheet_id: sheetId, criterion_id: s.criterionId, organisation_id: organisationId, self_points: s.points,
        evidence: s.evidence?.trim() ?? '', evidence_link: s.evidenceLink?.trim() ?? '', adjusted_points: null,
        updated_by: actor.userId, updated_at: ctx.now,
      }))).onConflict((oc) => oc.columns(['tenant_id', 'sheet_id', 'organisation_id', 'criterion_id']).doUpdateSet((eb) => ({
        self_points: eb.ref('excluded.self_points'), evidence: eb.ref('excluded.evidence'), evidence_link: eb.ref('excluded.evidence_link'),
        updated_by: eb.ref('excluded.updated_by'), updated_at: eb.ref('excluded.updated_at'),
      }))).execute();
    }
    await trx.insertInto('cluster_sheet_entries').values({
      tenant_id: actor.tenantId, sheet_id: sheetId, organisation_id: organisationId, submitted_at: null, submitted_by: null, vote_place: null, vote_note: '',
    }).onConflict((oc) => oc.columns(['tenant_id', 'sheet_id', 'organisation_id']).doUpdateSet({ version: sql<number>`cluster_sheet_entries.version + 1` })).execute();
    await audit(trx, ctx, access.sheet, 'self_score', {
      organisationId,
      scores: scores.map((s) => ({ criterionId: s.criterionId, points: [num(before.find((b) => b.criterion_id === s.criterionId)?.self_points ?? null), s.points] })),
    });
  });
}

/** The member hands in its self-assessment: every criterion row scored (bonus and penalty rows may stay empty). */
export async function submitSelfAssessment(ctx: CommandContext, sheetId: string, organisationId: string): Promise<void> {
  const { db, actor } = ctx;
  const access = await visibleSheet(db, actor, sheetId);
  const member = memberOf(access, organisationId);
  allow(access, 'submit');
  if (!access.scorable.has(organisationId)) throw new AppError('cluster.not_your_member', 403, { name: member.name });
  await db.transaction().execute(async (trx) => {
    await recheck(trx, access, 'submit');
    const data = await sheetData(trx, actor.tenantId, sheetId);
    const entry = data.entries.find((e) => e.organisation_id === organisationId);
    if (entry?.submitted_at) throw new AppError('cluster.already_submitted', 409, { name: member.name });
    const scored = new Set(data.scores.filter((s) => s.organisation_id === organisationId && s.self_points !== null).map((s) => s.criterion_id));
    const missing = data.criteria.find((c) => c.kind === 'criterion' && !scored.has(c.id));
    if (missing) throw new AppError('cluster.incomplete', 422, { criterion: missing.title });
    await trx.insertInto('cluster_sheet_entries').values({
      tenant_id: actor.tenantId, sheet_id: sheetId, organisation_id: organisationId, submitted_at: ctx.now, submitted_by: actor.userId,
      vote_place: null, vote_note: '',
    }).onConflict((oc) => oc.columns(['tenant_id', 'sheet_id', 'organisation_id'])
      .doUpdateSet({ submitted_at: ctx.now, submitted_by: actor.userId, version: sql<number>`cluster_sheet_entries.version + 1` })).execute();
    await audit(trx, ctx, access.sheet, 'self_submit', { organisationId });
  });
}

export interface Adjustment { criterionId: string; points: number; reason: string }

/**
 * The head member or the following council member sets a member's points on one row, with a reason.
 * The head does not adjust its own organisation's points: the follower does (objectivity, Law 2022 art. 5).
 */
export async function adjustScore(ctx: CommandContext, sheetId: string, organisationId: string, input: Adjustment): Promise<string> {
  const { db, actor } = ctx;
  const access = await visibleSheet(db, actor, sheetId);
  const member = memberOf(access, organisationId);
  allow(access, 'adjust');
  const reason = input.reason.trim();
  if (!reason) throw new AppError('cluster.reason_required', 422);
  const capacity = access.capacities.has('follower') ? 'follower' as const : 'head' as const;
  if (capacity === 'head' && organisationId === access.headId) throw new AppError('cluster.own_scores', 403);
  const criteria = await criteriaOf(db, actor.tenantId, sheetId);
  const criterion = criterionFor(criteria, input.criterionId, input.points);
  const id = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    await recheck(trx, access, 'adjust');
    const current = await trx.selectFrom('cluster_scores').select(['self_points', 'adjusted_points']).where('tenant_id', '=', actor.tenantId)
      .where('sheet_id', '=', sheetId).where('organisation_id', '=', organisationId).where('criterion_id', '=', criterion.id).executeTakeFirst();
    const from = current ? finalPoints({ self: num(current.self_points), adjusted: num(current.adjusted_points) }) : null;
    await trx.insertInto('cluster_scores').values({
      tenant_id: actor.tenantId, sheet_id: sheetId, criterion_id: criterion.id, organisation_id: organisationId, self_points: null,
      evidence: '', evidence_link: '', adjusted_points: input.points, updated_by: actor.userId, updated_at: ctx.now,
    }).onConflict((oc) => oc.columns(['tenant_id', 'sheet_id', 'organisation_id', 'criterion_id'])
      .doUpdateSet({ adjusted_points: input.points, updated_by: actor.userId, updated_at: ctx.now })).execute();
    await trx.insertInto('cluster_adjustments').values({
      tenant_id: actor.tenantId, id, sheet_id: sheetId, criterion_id: criterion.id, organisation_id: organisationId,
      from_points: from, to_points: input.points, reason, actor_user_id: actor.userId, actor_capacity: capacity, at: ctx.now,
    }).execute();
    await audit(trx, ctx, access.sheet, 'adjust', {
      organisationId, member: member.name, criterion: criterion.title, points: [from, input.points], reason, capacity,
    });
  });
  return id;
}

/**
 * The cluster's vote on a tie left after every stated rule: the tied members in the order voted, with
 * the minutes cited. It must name exactly one current group of tied members.
 */
export async function resolveTie(ctx: CommandContext, sheetId: string, order: string[], reason: string): Promise<void> {
  const { db, actor } = ctx;
  const access = await visibleSheet(db, actor, sheetId);
  allow(access, 'resolve_tie');
  const note = reason.trim();
  if (!note) throw new AppError('cluster.reason_required', 422);
  await db.transaction().execute(async (trx) => {
    await recheck(trx, access, 'resolve_tie');
    const standings = standingsOf(access.members, await sheetData(trx, actor.tenantId, sheetId));
    const first = standings.find((s) => s.organisationId === order[0]);
    const group = first?.tied ? standings.filter((s) => s.tied && s.rank === first.rank) : [];
    const same = group.length === order.length && new Set(order).size === order.length && order.every((id) => group.some((s) => s.organisationId === id));
    if (!same) throw new AppError('cluster.not_a_tie', 422);
    const place = sql<number>`CASE organisation_id ${sql.join(order.map((id, i) => sql`WHEN ${id}::uuid THEN ${i + 1}::integer`), sql` `)} END`;
    await trx.updateTable('cluster_sheet_entries').set({ vote_place: place, vote_note: note, version: nextVersion() }).where('tenant_id', '=', actor.tenantId)
      .where('sheet_id', '=', sheetId).where('organisation_id', 'in', order).execute();
    await audit(trx, ctx, access.sheet, 'tie_vote', {
      rank: first!.rank, total: formatPoints(first!.total), order: order.map((id) => group.find((s) => s.organisationId === id)!.name), reason: note,
    });
  });
}
