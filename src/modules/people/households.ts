import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { changedFields, recordAudit } from '../../platform/audit.ts';
import { assertCan, canReach, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { formatDate, todayInVietnam } from '../../platform/vn/dates.ts';
import { visibleOrganisation } from '../organisations/index.ts';
import { householdMembersProblem, isCommune } from './model.ts';
import { findHousehold, householdMembers, reachablePeople, replaceMembers } from './households-store.ts';

type Db = Kysely<Database>;

/**
 * Households (hộ gia đình) of a commune: "Gia đình văn hóa" and similar titles go to them. A household
 * has a head and members (people of the tenant the officer may read), a village and address; it is
 * closed, not deleted, when it moves away or merges into another (nominations may name it). Writes are
 * one transaction with their audit row; edits name the version they read.
 */
export interface Member { personId: string; relation: string }
export interface HouseholdInput {
  organisationId: string; code?: string | null | undefined; village: string; address?: string | undefined;
  headPersonId: string; members?: Member[] | undefined;
}
export type HouseholdPatch = Partial<Omit<HouseholdInput, 'organisationId'>> & { version: number };

export async function visibleHousehold(db: Db, actor: Actor, id: string) {
  const household = await findHousehold(db, actor.tenantId, id);
  if (!household || !canReach(actor, 'person.read', household.organisation_path)) throw notFound('household');
  return { household, members: await householdMembers(db, actor.tenantId, id) };
}

async function communeFor(ctx: CommandContext, organisationId: string) {
  const org = await visibleOrganisation(ctx.db, ctx.actor, organisationId);
  assertCan(ctx.actor, 'person.write', org.path);
  if (!isCommune(org)) throw new AppError('household.not_commune', 422, { name: org.name });
  return org;
}

/** The members as they will be stored: the head first among them; every one a person the officer may read. */
async function checkMembers(ctx: CommandContext, headPersonId: string, given: Member[] | undefined) {
  const members = given ?? [{ personId: headPersonId, relation: 'Chủ hộ' }];
  const problem = householdMembersProblem(headPersonId, members);
  if (problem) throw new AppError(problem, 422);
  const found = await reachablePeople(ctx.db, ctx.actor.tenantId, members.map((m) => m.personId),
    reachablePaths(ctx.actor, 'person.read'), todayInVietnam(ctx.now));
  const unknown = members.find((m) => !found.has(m.personId));
  if (unknown) throw new AppError('household.member_unknown', 422, { id: unknown.personId });
  return { members, headName: found.get(headPersonId)! };
}

async function assertCodeFree(db: Db, tenantId: string, code: string | null | undefined, selfId: string | null) {
  if (!code) return;
  const other = await db.selectFrom('households').select('id').where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
  if (other && other.id !== selfId) throw new AppError('household.code_taken', 409, { code });
}

export async function createHousehold(ctx: CommandContext, input: HouseholdInput) {
  const { actor } = ctx;
  const org = await communeFor(ctx, input.organisationId);
  const { members, headName } = await checkMembers(ctx, input.headPersonId, input.members);
  const id = uuidv7(ctx.now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, actor.tenantId, input.code, null);
    await trx.insertInto('households').values({
      tenant_id: actor.tenantId, id, organisation_id: org.id, code: input.code ?? null, head_person_id: input.headPersonId,
      head_name: headName, name_fold: foldVietnamese(headName), village: input.village.trim(), address: input.address?.trim() ?? '',
      created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    await replaceMembers(trx, actor.tenantId, id, members);
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'household.create', entityType: 'household', entityId: id,
      organisationPath: org.path, changes: { created: { ...input, members } }, requestId: ctx.requestId, at: ctx.now,
    });
  });
  return id;
}

async function writableHousehold(ctx: CommandContext, id: string, version: number) {
  const found = await visibleHousehold(ctx.db, ctx.actor, id);
  assertCan(ctx.actor, 'person.write', found.household.organisation_path);
  if (found.household.closed_on) throw new AppError('household.closed', 409, { date: formatDate(found.household.closed_on) });
  if (found.household.version !== version) throw new AppError('household.stale', 409);
  return found;
}

export async function updateHousehold(ctx: CommandContext, id: string, patch: HouseholdPatch) {
  const { actor } = ctx;
  const { household, members: before } = await writableHousehold(ctx, id, patch.version);
  const headPersonId = patch.headPersonId ?? household.head_person_id;
  const memberChange = patch.members !== undefined || patch.headPersonId !== undefined;
  const checked = memberChange && headPersonId
    ? await checkMembers(ctx, headPersonId, patch.members ?? before.map((m) => ({ personId: m.personId, relation: m.relation })))
    : null;
  await ctx.db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, actor.tenantId, patch.code, id);
    const updated = await trx.updateTable('households').set({
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.village !== undefined && { village: patch.village.trim() }),
      ...(patch.address !== undefined && { address: patch.address.trim() }),
      ...(checked && { head_person_id: headPersonId, head_name: checked.headName, name_fold: foldVietnamese(checked.headName) }),
      version: patch.version + 1, updated_at: ctx.now,
    }).where('tenant_id', '=', actor.tenantId).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    // someone saved between our read and this write
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('household.stale', 409);
    if (checked) await replaceMembers(trx, actor.tenantId, id, checked.members);
    const was = { code: household.code, village: household.village, address: household.address, headPersonId: household.head_person_id,
      members: before.map((m) => ({ personId: m.personId, relation: m.relation })) };
    const now = { ...was, ...(patch.code !== undefined && { code: patch.code }), ...(patch.village !== undefined && { village: patch.village }),
      ...(patch.address !== undefined && { address: patch.address }), ...(checked && { headPersonId, members: checked.members }) };
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'household.update', entityType: 'household', entityId: id,
      organisationPath: household.organisation_path, changes: changedFields(was, now), requestId: ctx.requestId, at: ctx.now,
    });
  });
}

export async function closeHousehold(ctx: CommandContext, id: string, input: { version: number; closedOn: string }) {
  const { actor } = ctx;
  const { household } = await writableHousehold(ctx, id, input.version);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('households').set({ closed_on: input.closedOn, version: input.version + 1, updated_at: ctx.now })
      .where('tenant_id', '=', actor.tenantId).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('household.stale', 409);
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'household.close', entityType: 'household', entityId: id,
      organisationPath: household.organisation_path, changes: { closedOn: input.closedOn }, requestId: ctx.requestId, at: ctx.now,
    });
  });
}
