import type { Kysely } from 'kysely';
import type { BatchStatus, Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';
import { actorsFor } from '../notifications/index.ts';
import { can, recordStep, visibleBatch } from './service.ts';
import { findBatch, lockBatch, type BatchRow } from './store.ts';

type Db = Kysely<Database>;

/**
 * The standing agency's own desk (issue 17.6). A batch the level has received is assigned to one of its standing
 * officers (chuyên viên), who finds it in "Việc chờ tôi xử lý"; assigning and reassigning are steps of the batch's
 * history, which is its processing log. Before the accepted list goes to the council or to the decision, the head
 * who leads the standing agency's work at that level reviews it (trưởng ban duyệt danh sách): `assertListReviewed`
 * is what the council and the decision ask. Neither moves the batch's status, so neither is a row of workflow.ts.
 */

/** While the batch is at the receiving level's desk: received, under appraisal, or appraised and not yet done. */
export const DESK_STATUSES: readonly BatchStatus[] = ['submitted', 'under_appraisal', 'accepted'];

/** The standing officers of the receiving level (the nearest level above it that has some): who may be assigned. */
export async function specialistsFor(db: Db, actor: Actor, batchId: string) {
  const batch = await visibleBatch(db, actor, batchId);
  if (!can(actor, 'nomination.appraise', batch, 'receiving')) throw new AppError('forbidden', 403);
  const ids = await actorsFor(db, batch.tenant_id, 'standing_officer', batch.receiving_path);
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'display_name']).where('tenant_id', '=', batch.tenant_id).where('id', 'in', ids)
    .orderBy('display_name').orderBy('id').execute();
}

/** The batch locked and read again in the transaction, at the version the page saw (409 edit.stale otherwise). */
async function lockedAt(trx: Db, batch: BatchRow, version: number | undefined): Promise<BatchRow> {
  await lockBatch(trx, batch.tenant_id, batch.id);
  const fresh = (await findBatch(trx, batch.tenant_id, batch.id))!;
  assertCurrentVersion(version, fresh.version);
  return fresh;
}

/**
 * Assigns the received batch to a standing officer of the receiving level (or reassigns it): the standing agency's
 * step (nomination.appraise there), written in the history with who it went to.
 */
export async function assignBatch(ctx: CommandContext, batchId: string, input: { userId: string; version?: number | undefined }): Promise<void> {
  const batch = await visibleBatch(ctx.db, ctx.actor, batchId);
  if (!can(ctx.actor, 'nomination.appraise', batch, 'receiving')) throw new AppError('forbidden', 403);
  const specialists = await actorsFor(ctx.db, batch.tenant_id, 'standing_officer', batch.receiving_path);
  if (!specialists.includes(input.userId)) throw new AppError('nomination.assignee_not_specialist', 422);
  await ctx.db.transaction().execute(async (trx) => {
    const fresh = await lockedAt(trx, batch, input.version);
    if (!DESK_STATUSES.includes(fresh.status)) throw new AppError('nomination.not_at_desk', 409, { status: fresh.status });
    if (fresh.assigned_to === input.userId) return;
    const names = await trx.selectFrom('users').select(['id', 'display_name'])
      .where('id', 'in', [input.userId, ...(fresh.assigned_to ? [fresh.assigned_to] : [])]).execute();
    const nameOf = (id: string) => names.find((n) => n.id === id)?.display_name ?? '';
    await trx.updateTable('nomination_batches').set({ assigned_to: input.userId, assigned_at: ctx.now, version: nextVersion() })
      .where('tenant_id', '=', fresh.tenant_id).where('id', '=', fresh.id).execute();
    await recordStep(trx, ctx, fresh, {
      action: fresh.assigned_to ? 'reassign' : 'assign', from: fresh.status, to: fresh.status,
      reason: fresh.assigned_to ? `Chuyển từ ${nameOf(fresh.assigned_to)} sang ${nameOf(input.userId)}` : `Giao cho ${nameOf(input.userId)}`,
    });
  });
}

/**
 * The head reviews the appraised list (trưởng ban duyệt danh sách) before it goes to the council or the decision:
 * once per batch, while it is accepted. nomination.review_list over the receiving level.
 */
export async function reviewList(ctx: CommandContext, batchId: string, input: { version?: number | undefined; note?: string | undefined }): Promise<void> {
  const batch = await visibleBatch(ctx.db, ctx.actor, batchId);
  if (!can(ctx.actor, 'nomination.review_list', batch, 'receiving')) throw new AppError('forbidden', 403);
  await ctx.db.transaction().execute(async (trx) => {
    const fresh = await lockedAt(trx, batch, input.version);
    if (fresh.status !== 'accepted') throw new AppError('nomination.review_not_accepted', 409, { status: fresh.status });
    if (fresh.list_reviewed_at) throw new AppError('nomination.list_already_reviewed', 409);
    await trx.updateTable('nomination_batches').set({ list_reviewed_at: ctx.now, list_reviewed_by: ctx.actor.userId, version: nextVersion() })
      .where('tenant_id', '=', fresh.tenant_id).where('id', '=', fresh.id).execute();
    await recordStep(trx, ctx, fresh, { action: 'review_list', from: fresh.status, to: fresh.status, reason: input.note?.trim() ?? '' });
  });
}

/** 409 nomination.list_not_reviewed naming the batches whose list the head has not reviewed: not yet for the council or the decision. */
export function assertListReviewed(batches: readonly { title: string; list_reviewed_at: Date | null }[]): void {
  const waiting = [...new Set(batches.filter((b) => b.list_reviewed_at === null).map((b) => b.title))];
  if (waiting.length) throw new AppError('nomination.list_not_reviewed', 409, { titles: waiting.join('; ') });
}
