import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { MoveGrantsInput } from '../organisations/index.ts';

/**
 * The role grants of a merge or split (organisations/reorganise.ts calls it in its transaction): a
 * grant held at a closed unit ends; when the officer chose a successor, the same role is granted
 * there in its place (a new row, so the history shows where the role was held and when). One audit
 * row per grant, in the same transaction.
 */
export async function moveGrantsOnReorganisation(trx: Transaction<Database>, input: MoveGrantsInput) {
  const { tenantId, now, to } = input;
  if (input.from.length === 0) return { moved: 0, ended: 0 };
  const grants = await trx.selectFrom('role_grants').select(['id', 'user_id', 'role', 'organisation_id'])
    .where('tenant_id', '=', tenantId).where('organisation_id', 'in', input.from.map((f) => f.id)).where('revoked_at', 'is', null)
    .orderBy('id').execute();
  if (grants.length === 0) return { moved: 0, ended: 0 };
  await trx.updateTable('role_grants').set({ revoked_at: now }).where('tenant_id', '=', tenantId)
    .where('id', 'in', grants.map((g) => g.id)).execute();
  const replacements = to ? grants.map((g) => ({ ...g, newId: uuidv7(now.getTime()) })) : [];
  if (to) {
    await trx.insertInto('role_grants').values(replacements.map((g) => ({
      tenant_id: tenantId, id: g.newId, user_id: g.user_id, role: g.role, organisation_id: to.id, granted_by: input.actorUserId, created_at: now,
    }))).execute();
  }
  const pathOf = new Map(input.from.map((f) => [f.id, f.path]));
  for (const g of grants) {
    const replacement = replacements.find((r) => r.id === g.id);
    await recordAudit(trx, {
      tenantId, actorUserId: input.actorUserId, action: replacement ? 'grant.move' : 'grant.revoke', entityType: 'grant', entityId: g.id,
      organisationPath: pathOf.get(g.organisation_id)!, requestId: input.requestId, at: now,
      changes: { userId: g.user_id, role: g.role, organisationId: [g.organisation_id, replacement ? to!.id : null],
        ...(replacement && { newGrantId: replacement.newId }), reason: 'reorganisation' },
    });
  }
  return { moved: replacements.length, ended: grants.length - replacements.length };
}
