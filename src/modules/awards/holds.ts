import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';

type Db = Kysely<Database>;

/**
 * What keeps an award from being deleted: the signed decision that wrote it (its candidate points to it)
 * or the revocation that annulled it. A signed decision is annulled by another decision (Law 06/2022
 * chapter VII, docs/legal/procedure.md#revocation), never erased; an award entered by hand and never
 * revoked holds nothing.
 */
export type AwardHold = 'decision' | 'revocation';

/** The holds on these awards, by award id (two index lookups per award). */
export async function awardHolds(db: Db, tenantId: string, awardIds: readonly string[]): Promise<Map<string, AwardHold>> {
  if (awardIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; hold: AwardHold }>`
    SELECT a.id, CASE WHEN c.award_id IS NOT NULL THEN 'decision' ELSE 'revocation' END AS hold
    FROM awards a
    LEFT JOIN nomination_candidates c ON c.tenant_id = a.tenant_id AND c.award_id = a.id
    LEFT JOIN award_revocations r ON r.tenant_id = a.tenant_id AND r.award_id = a.id
    WHERE a.tenant_id = ${tenantId} AND a.id = ANY(${awardIds as string[]}::uuid[]) AND (c.award_id IS NOT NULL OR r.award_id IS NOT NULL)`.execute(db);
  return new Map(rows.map((r) => [r.id, r.hold]));
}

/** Refuses (409) to delete an award a decision wrote or a revocation annulled, saying what to do instead. */
export async function assertDeletable(db: Db, tenantId: string, awardIds: readonly string[]) {
  const holds = await awardHolds(db, tenantId, awardIds);
  const [id, hold] = [...holds][0] ?? [];
  if (!id) return;
  const award = await db.selectFrom('awards').select(['decision_number', 'revocation_number']).where('tenant_id', '=', tenantId)
    .where('id', '=', id).executeTakeFirstOrThrow();
  if (hold === 'decision') throw new AppError('award.from_decision', 409, { number: award.decision_number });
  throw new AppError('award.revoked_kept', 409, { number: award.revocation_number ?? '' });
}
