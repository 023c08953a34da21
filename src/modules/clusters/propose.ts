import type { CommandContext } from '../../platform/command.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/messages.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { addCandidate, createBatch } from '../nominations/index.ts';
import { achievementLine, proposalOf, sheetTransition, type Standing } from './model.ts';
import { lockSheet } from './store.ts';
import { allow, audit, sheetData, standingsOf, transitionError, visibleSheet } from './service.ts';
import { nextVersion } from '../../platform/versions.ts';

/** The province's flag for the leading members of a cluster or block (Law 2022 art. 26, docs/legal/awards.md#co-thi-dua-tinh). */
export const FLAG_FORM = 'co_thi_dua_tinh';
/** The chairman's Bằng khen for the members ranked next. */
export const BANG_KHEN_FORM = 'bang_khen_tinh';

export interface ProposedBatches { flagBatchId: string | null; bangKhenBatchId: string | null }

/**
 * The organiser proposes the sheet's leading members: a nomination batch in draft per award form,
 * through the nominations service (the same checks, history and audit as any batch), with each member
 * as a collective candidate whose achievement quotes its rank and score. All of it is one transaction.
 *
 * The batch comes from the organiser, not from the head member: a unit nominates only within its own
 * subtree (nominations' routing: the unit that manages a candidate nominates it), and the members are
 * peers, so no member's batch could hold the others. The organiser (the provincial People's Committee
 * for the demo's clusters) is above every member; its standing agency, which ran the comparison,
 * prepares the batch, its head approves and submits it by the ordinary workflow.
 */
export async function proposeFromSheet(ctx: CommandContext, sheetId: string, locale: Locale): Promise<ProposedBatches> {
  const { db, actor } = ctx;
  const access = await visibleSheet(db, actor, sheetId);
  const { sheet } = access;
  if (sheet.status === 'proposed') throw new AppError('cluster.already_proposed', 409);
  allow(access, 'propose');
  const today = todayInVietnam(ctx.now);
  return db.transaction().execute(async (trx) => {
    // two clicks at once: the second finds the sheet proposed under the lock
    const { status } = await lockSheet(trx, actor.tenantId, sheetId);
    if (status === 'proposed') throw new AppError('cluster.already_proposed', 409);
    if (!sheetTransition(status, 'propose')) throw transitionError(status);
    const standings = standingsOf(access.members, await sheetData(trx, actor.tenantId, sheetId));
    const { flag, bangKhen } = proposalOf(standings, sheet.flag_count, sheet.bang_khen_count);
    if (flag.length + bangKhen.length === 0) throw new AppError('cluster.nothing_to_propose', 422);
    for (const s of [...flag, ...bangKhen]) {
      const member = access.members.find((m) => m.organisation_id === s.organisationId)!;
      if (member.valid_to !== null && member.valid_to < today) throw new AppError('cluster.member_ended', 422, { name: member.name });
    }
    const inner: CommandContext = { ...ctx, db: trx };
    const batchFor = async (awardForm: string, label: string, picks: Standing[]) => {
      if (picks.length === 0) return null;
      const batchId = await createBatch(inner, {
        organisationId: sheet.organiser_id, kind: 'merit', awardForm, year: sheet.year,
        title: `Đề nghị tặng ${label} năm ${sheet.year} – ${sheet.cluster_name}`,
      });
      for (const s of picks) {
        await addCandidate(inner, batchId, { organisationId: s.organisationId, achievement: achievementLine(s, standings.length, sheet.cluster_name, sheet.year) }, locale);
      }
      return batchId;
    };
    const flagBatchId = await batchFor(FLAG_FORM, 'Cờ thi đua của UBND tỉnh', flag);
    const bangKhenBatchId = await batchFor(BANG_KHEN_FORM, 'Bằng khen của Chủ tịch UBND tỉnh', bangKhen);
    await trx.updateTable('cluster_sheets').set({ status: 'proposed', flag_batch_id: flagBatchId, bang_khen_batch_id: bangKhenBatchId, updated_at: ctx.now, version: nextVersion() })
      .where('tenant_id', '=', actor.tenantId).where('id', '=', sheetId).execute();
    await audit(trx, ctx, sheet, 'propose', {
      status: ['ranked', 'proposed'], flagBatchId, bangKhenBatchId,
      flag: flag.map((s) => s.name), bangKhen: bangKhen.map((s) => s.name),
    });
    return { flagBatchId, bangKhenBatchId };
  });
}
