import type { Kysely } from 'kysely';
import type { Database, OrganisationRow } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit, changedFields } from '../../platform/audit.ts';
import { assertCan, canReach, type Actor } from '../../platform/auth/policy.ts';
import type { CommandContext } from '../../platform/command.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { textSortKey } from '../../platform/vn/sort.ts';
import { addDays } from '../../platform/vn/dates.ts';
import { isPeriodValid, pathFor, wouldCreateCycle, type OrganisationInput } from './model.ts';
import {
  findOrganisation, insertOrganisation, lockOrganisation, lockTree, organisationRow, rebaseSubtree, replaceSuccessors,
} from './store.ts';
import { fillAwardRecipients, rebaseAwardRecipients } from '../awards/index.ts';

type Db = Kysely<Database>;
type Ctx = CommandContext;

/** An organisation the actor may read, or 404 — existence outside one's scope is not revealed. */
export async function visibleOrganisation(db: Db, actor: Actor, id: string): Promise<OrganisationRow> {
  const org = await findOrganisation(db, actor.tenantId, id);
  if (!org || !canReach(actor, 'organisation.read', org.path)) throw notFound('organisation');
  return org;
}


type Codes = { adminCode?: string | null | undefined; agencyCode?: string | null | undefined; code?: string | null | undefined };

export async function assertCodesFree(db: Db, tenantId: string, input: Codes, selfId: string | null) {
  for (const [field, column, code] of [
    ['hành chính', 'admin_code', input.adminCode], ['định danh', 'agency_code', input.agencyCode], ['đơn vị', 'code', input.code],
  ] as const) {
    if (!code) continue;
    const other = await db.selectFrom('organisations').select('id').where('tenant_id', '=', tenantId)
      .where(column, '=', code).executeTakeFirst();
    if (other && other.id !== selfId) throw new AppError('organisation.code_taken', 409, { field, code });
  }
}

/** A related organisation (successor, standing agency) must exist in the same tenant and be visible. */
async function assertRelated(db: Db, actor: Actor, id: string | null | undefined) {
  if (id) await visibleOrganisation(db, actor, id);
}

/** The day a successor took over: the day after the unit ended (its start when no end is given yet). */
const takeoverDate = (validFrom: string, validTo: string | null) => (validTo ? addDays(validTo, 1) : validFrom);

export async function createOrganisation(ctx: Ctx, input: OrganisationInput & { parentId: string }): Promise<OrganisationRow> {
  const { db, actor } = ctx;
  const parent = await visibleOrganisation(db, actor, input.parentId);
  assertCan(actor, 'organisation.write', parent.path);
  if (!isPeriodValid({ validFrom: input.validFrom, validTo: input.validTo ?? null })) {
    throw new AppError('organisation.invalid_period', 400);
  }
  await assertRelated(db, actor, input.successorId);
  await assertRelated(db, actor, input.standingAgencyId);
  const id = uuidv7(ctx.now.getTime());
  const path = pathFor(parent.path, id);
  return db.transaction().execute(async (trx) => {
    await assertCodesFree(trx, actor.tenantId, input, null);
    await insertOrganisation(trx, organisationRow(actor.tenantId, id, parent.path,
      { ...input, standingAgencyId: input.standingAgencyId ?? parent.standing_agency_id }, ctx.now));
    if (input.successorId) await replaceSuccessors(trx, actor.tenantId, id, input.successorId, takeoverDate(input.validFrom, input.validTo ?? null));
    const created = (await findOrganisation(trx, actor.tenantId, id))!;
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'organisation.create', entityType: 'organisation',
      entityId: id, organisationPath: path, changes: { created: presentForAudit(created) }, requestId: ctx.requestId, at: ctx.now,
    });
    return created;
  });
}

export type OrganisationPatch = Partial<Omit<OrganisationInput, 'parentId'>> & {
  parentId?: string | undefined;
  /** the version the edit was made from (optimistic concurrency) */
  version?: number | undefined;
};

export async function updateOrganisation(ctx: Ctx, id: string, patch: OrganisationPatch): Promise<OrganisationRow> {
  const { db, actor } = ctx;
  const org = await visibleOrganisation(db, actor, id);
  assertCan(actor, 'organisation.write', org.path);
  const validFrom = patch.validFrom ?? org.valid_from;
  const validTo = patch.validTo === undefined ? org.valid_to : patch.validTo;
  if (!isPeriodValid({ validFrom, validTo })) throw new AppError('organisation.invalid_period', 400);
  if (patch.successorId === id) throw new AppError('organisation.successor_self', 400);
  await assertRelated(db, actor, patch.successorId);
  await assertRelated(db, actor, patch.standingAgencyId);

  const moving = patch.parentId !== undefined && patch.parentId !== org.parent_id;
  if (moving) await visibleOrganisation(db, actor, patch.parentId!);

  return db.transaction().execute(async (trx) => {
    // Moves and imports reshape the tree: one at a time per tenant, and the paths are read again under the lock, so
    // two crossing moves (X under Y, Y under X) cannot both pass the cycle check on paths one of them has changed.
    if (moving) await lockTree(trx, actor.tenantId);
    const current = (await lockOrganisation(trx, actor.tenantId, id)) ?? org;
    assertCurrentVersion(patch.version, current.version);
    let newParentPath: string | null = null;
    if (moving) {
      const parent = await findOrganisation(trx, actor.tenantId, patch.parentId!);
      if (!parent || !canReach(actor, 'organisation.read', parent.path)) throw notFound('organisation');
      if (wouldCreateCycle(current.path, parent.path)) throw new AppError('organisation.cycle', 400);
      assertCan(actor, 'organisation.write', parent.path);
      newParentPath = parent.path;
    }
    await assertCodesFree(trx, actor.tenantId, patch, id);
    const set = {
      ...(patch.name !== undefined && { name: patch.name, name_fold: foldVietnamese(patch.name), sort_key: textSortKey(patch.name) }),
      ...(patch.shortName !== undefined && { short_name: patch.shortName }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.level !== undefined && { level: patch.level }),
      ...(patch.adminCode !== undefined && { admin_code: patch.adminCode }),
      ...(patch.agencyCode !== undefined && { agency_code: patch.agencyCode }),
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.validFrom !== undefined && { valid_from: patch.validFrom }),
      ...(patch.validTo !== undefined && { valid_to: patch.validTo }),
      ...(patch.successorId !== undefined && { successor_id: patch.successorId }),
      ...(patch.standingAgencyId !== undefined && { standing_agency_id: patch.standingAgencyId }),
      ...(newParentPath !== null && { parent_id: patch.parentId! }),
      updated_at: ctx.now, version: nextVersion(),
    };
    await trx.updateTable('organisations').set(set).where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    if (patch.successorId !== undefined) await replaceSuccessors(trx, actor.tenantId, id, patch.successorId, takeoverDate(validFrom, validTo));
    if (newParentPath !== null) {
      await rebaseSubtree(trx, actor.tenantId, current.path, pathFor(newParentPath, id));
      await rebaseAwardRecipients(trx, actor.tenantId, current.path, pathFor(newParentPath, id));
    }
    if (patch.name !== undefined) await fillAwardRecipients(trx, actor.tenantId, { organisationIds: [id] });
    const updated = (await findOrganisation(trx, actor.tenantId, id))!;
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: newParentPath ? 'organisation.move' : 'organisation.update',
      entityType: 'organisation', entityId: id, organisationPath: updated.path,
      changes: changedFields(presentForAudit(current), presentForAudit(updated)), requestId: ctx.requestId, at: ctx.now,
    });
    return updated;
  });
}

function presentForAudit(o: OrganisationRow): Record<string, unknown> {
  return {
    name: o.name, shortName: o.short_name, kind: o.kind, level: o.level, parentId: o.parent_id,
    adminCode: o.admin_code, agencyCode: o.agency_code, code: o.code, validFrom: o.valid_from, validTo: o.valid_to,
    successorId: o.successor_id, standingAgencyId: o.standing_agency_id,
  };
}
