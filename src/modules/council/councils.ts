import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { canReach, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { formatDate, todayInVietnam } from '../../platform/vn/dates.ts';
import { findOrganisation, type AdministrativeLevel } from '../organisations/index.ts';
import { councilMemberProblems, councilsOfUnits, overlappingCouncil, writeCouncils, type CouncilMemberInput } from '../onboarding/index.ts';
import { councilCodeTaken, councilMembersOf, employmentPaths, findCouncil, listCouncils, lockCouncil, type CouncilRow } from './store.ts';

type Db = Kysely<Database>;

/** Writes of councils and clusters in a tenant take its row first (as the imports do): a code, or a unit's one cluster a year, cannot be taken twice at once. */
async function lockTenant(trx: Db, tenantId: string) {
  await trx.selectFrom('tenants').select('id').where('id', '=', tenantId).forUpdate().execute();
}

/**
 * The councils themselves, kept by hand (issue 14.2): the standing agency of the unit that owns a
 * council (council.manage over that unit: system administrators and standing officers) creates it,
 * edits its members, posts and terms, and closes it at the end of its term. Each write is one
 * transaction with its audit row; an edit names the version it read, and a stale one answers 409.
 * The import (onboarding) writes through the same writeCouncils.
 */
export interface CouncilInput {
  code: string; name: string; organisationId: string; level: AdministrativeLevel | null; validFrom: string; validTo: string | null;
  establishedBy: string; members: CouncilMemberInput[];
}

/** A council the actor runs (council.manage over its unit), or 404. */
export async function managedCouncil(db: Db, actor: Actor, id: string): Promise<CouncilRow> {
  const council = await findCouncil(db, actor.tenantId, id);
  if (!council || !canReach(actor, 'council.manage', council.organisation_path)) throw notFound('council');
  return council;
}

export async function councilsFor(db: Db, actor: Actor, filter: { organisationId?: string | undefined; includeClosed: boolean }, now: Date) {
  return listCouncils(db, actor.tenantId, reachablePaths(actor, 'council.manage'), { ...filter, today: todayInVietnam(now) });
}

export async function readCouncil(db: Db, actor: Actor, id: string) {
  const council = await managedCouncil(db, actor, id);
  return { council, members: await councilMembersOf(db, actor.tenantId, council.id) };
}

/** The unit (in the actor's reach), the members (people of the tenant the actor reaches), the rules of a council's membership. */
async function checkInput(db: Db, actor: Actor, input: CouncilInput, exceptId: string | null) {
  const org = await findOrganisation(db, actor.tenantId, input.organisationId);
  if (!org || !canReach(actor, 'council.manage', org.path)) throw notFound('organisation');
  if (input.validTo && input.validTo < input.validFrom) throw new AppError('registry.term_before_start', 422);
  const paths = await employmentPaths(db, actor.tenantId, input.members.map((m) => m.personId));
  if (input.members.some((m) => !(paths.get(m.personId) ?? []).some((p) => canReach(actor, 'person.read', p)))) {
    throw new AppError('registry.unknown_person', 422);
  }
  const problem = councilMemberProblems(input.members)[0];
  if (problem?.code === 'member_twice') {
    const person = await db.selectFrom('people').select('full_name').where('tenant_id', '=', actor.tenantId)
      .where('id', '=', input.members[problem.index]!.personId).executeTakeFirstOrThrow();
    throw new AppError('registry.member_twice', 422, { name: person.full_name });
  }
  if (problem) throw new AppError(`registry.${problem.code}`, 422);
  if (await councilCodeTaken(db, actor.tenantId, input.code, exceptId)) throw new AppError('registry.code_taken', 409, { code: input.code });
  const clash = overlappingCouncil({ id: exceptId ?? '', validFrom: input.validFrom, validTo: input.validTo },
    (await councilsOfUnits(db, actor.tenantId, [org.id])).get(org.id) ?? []);
  if (clash) {
    throw new AppError('registry.term_overlap', 409, { other: clash.name, from: formatDate(clash.validFrom), to: clash.validTo ? formatDate(clash.validTo) : '…' });
  }
  return org;
}

async function write(trx: Db, ctx: CommandContext, id: string, input: CouncilInput) {
  return writeCouncils(trx, ctx.actor.tenantId, [{
    id, code: input.code, name: input.name, organisationId: input.organisationId, level: input.level, validFrom: input.validFrom,
    validTo: input.validTo, establishedBy: input.establishedBy, members: input.members,
  }], ctx.now);
}

async function audit(trx: Db, ctx: CommandContext, id: string, path: string, action: string, changes: Record<string, unknown>) {
  await recordAudit(trx, {
    tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: `council.${action}`, entityType: 'council', entityId: id,
    organisationPath: path, changes, requestId: ctx.requestId, at: ctx.now,
  });
}

export async function createCouncil(ctx: CommandContext, input: CouncilInput): Promise<string> {
  const id = uuidv7(ctx.now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await lockTenant(trx, ctx.actor.tenantId);
    const org = await checkInput(trx, ctx.actor, input, null);
    await write(trx, ctx, id, input);
    await audit(trx, ctx, id, org.path, 'council_create', { ...input });
  });
  return id;
}

/** Stale (the version read is not the one stored) answers 409; so does a council already closed. */
async function lockFresh(trx: Db, actor: Actor, id: string, version: number) {
  const row = await lockCouncil(trx, actor.tenantId, id);
  if (!row) throw notFound('council');
  if (row.version !== version) throw new AppError('registry.stale', 409);
  return row;
}

export async function updateCouncil(ctx: CommandContext, id: string, version: number, input: CouncilInput): Promise<void> {
  const before = await readCouncil(ctx.db, ctx.actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await lockTenant(trx, ctx.actor.tenantId);
    const org = await checkInput(trx, ctx.actor, input, id);
    await lockFresh(trx, ctx.actor, id, version);
    const written = await write(trx, ctx, id, input);
    if (written.changed.size === 0) return;
    await audit(trx, ctx, id, org.path, 'council_update', {
      before: { name: before.council.name, organisationId: before.council.organisation_id, validFrom: before.council.valid_from, validTo: before.council.valid_to,
        members: before.members.map((m) => ({ personId: m.person_id, role: m.role, title: m.title, termFrom: m.term_from, termTo: m.term_to })) },
      after: input, members: written.members,
    });
  });
}

/** The end of the council's term (its members stay on record; meetings after that day find no council in office). */
export async function closeCouncil(ctx: CommandContext, id: string, version: number, validTo: string): Promise<void> {
  const council = await managedCouncil(ctx.db, ctx.actor, id);
  if (validTo < council.valid_from) throw new AppError('registry.term_before_start', 422);
  const clash = overlappingCouncil({ id: council.id, validFrom: council.valid_from, validTo },
    (await councilsOfUnits(ctx.db, ctx.actor.tenantId, [council.organisation_id])).get(council.organisation_id) ?? []);
  if (clash) {
    throw new AppError('registry.term_overlap', 409, { other: clash.name, from: formatDate(clash.validFrom), to: clash.validTo ? formatDate(clash.validTo) : '…' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await lockFresh(trx, ctx.actor, id, version);
    await trx.updateTable('councils').set((eb) => ({ valid_to: validTo, version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).execute();
    await audit(trx, ctx, id, council.organisation_path, 'council_close', { validTo, before: council.valid_to });
  });
}
