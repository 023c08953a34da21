import type { Kysely } from 'kysely';
import type { Database, EmailNotices, Role } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { assertStrongPassword } from '../../platform/auth/password-rule.ts';
import { forgetAccountFailures, passwordContextOf, personUnder, tenantName } from './store.ts';
import { assertCan, reachablePaths, type Actor } from '../../platform/auth/policy.ts';
import { visibleOrganisation } from '../organisations/index.ts';
import { pathUnder } from '../organisations/index.ts';
import { assertCurrentVersion, nextVersion } from '../../platform/versions.ts';

type Db = Kysely<Database>;

/**
 * An administrator manages the accounts that hold a role somewhere in their subtree. The account of
 * someone whose every grant lies elsewhere is invisible to them (404), like any out-of-scope record.
 * An account whose last grant was revoked stays with the unit where that grant was (issue 15.8): its
 * administrators can still disable it or give it a new role, instead of nobody seeing it again.
 */
export async function listManagedUsers(db: Db, actor: Actor, q: string | undefined) {
  const prefixes = reachablePaths(actor, 'user.manage');
  let query = db.selectFrom('users as u')
    .where('u.tenant_id', '=', actor.tenantId)
    .where((eb) => eb.or([
      eb.exists(eb.selectFrom('role_grants as g')
        .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'g.tenant_id').onRef('o.id', '=', 'g.organisation_id'))
        .select('g.id').whereRef('g.user_id', '=', 'u.id').where('g.revoked_at', 'is', null).where(pathUnder('o.path', prefixes))),
      eb.and([
        eb.not(eb.exists(eb.selectFrom('role_grants as g').select('g.id').whereRef('g.user_id', '=', 'u.id').where('g.revoked_at', 'is', null))),
        eb.exists(eb.selectFrom('role_grants as g')
          .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'g.tenant_id').onRef('o.id', '=', 'g.organisation_id'))
          .select('g.id').where(pathUnder('o.path', prefixes))
          .whereRef('g.id', '=', (inner) => inner.selectFrom('role_grants as last').select('last.id')
            .whereRef('last.user_id', '=', 'u.id').where('last.tenant_id', '=', actor.tenantId)
            .orderBy('last.revoked_at', 'desc').orderBy('last.id', 'desc').limit(1))),
      ]),
    ]));
  if (q) query = query.where((eb) => eb.or([eb('u.username', 'ilike', `%${q}%`), eb('u.display_name', 'ilike', `%${q}%`)]));
  const users = await query.select(['u.id', 'u.username', 'u.display_name', 'u.disabled', 'u.email', 'u.email_notices', 'u.version']).orderBy('u.username').limit(500).execute();
  const grants = users.length === 0 ? [] : await db.selectFrom('role_grants as g')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'g.tenant_id').onRef('o.id', '=', 'g.organisation_id'))
    .select(['g.id', 'g.user_id', 'g.role', 'g.organisation_id', 'o.name', 'o.path'])
    .where('g.tenant_id', '=', actor.tenantId).where('g.user_id', 'in', users.map((u) => u.id)).where('g.revoked_at', 'is', null)
    .orderBy('o.path').execute();
  return users.map((u) => ({
    id: u.id, username: u.username, displayName: u.display_name, disabled: u.disabled, email: u.email, emailNotices: u.email_notices, version: u.version,
    grants: grants.filter((g) => g.user_id === u.id)
      .map((g) => ({ id: g.id, role: g.role, organisationId: g.organisation_id, organisationName: g.name })),
  }));
}

async function managedUser(db: Db, actor: Actor, userId: string) {
  const found = (await listManagedUsers(db, actor, undefined)).find((u) => u.id === userId);
  if (!found) throw notFound('user');
  return found;
}

export interface NewUser {
  username: string; displayName: string; password: string; personId?: string | null | undefined; role: Role; organisationId: string;
  email?: string | null | undefined;
}

export interface UserPatch {
  displayName?: string | undefined; disabled?: boolean | undefined; password?: string | undefined;
  email?: string | null | undefined; emailNotices?: EmailNotices | undefined;
  /** the version the form was filled from (optimistic concurrency) */
  version?: number | undefined;
}

export async function createUser(ctx: CommandContext, input: NewUser) {
  const { db, actor } = ctx;
  assertStrongPassword(input.password, {
    username: input.username, displayName: input.displayName, email: input.email, tenantName: await tenantName(db, actor.tenantId),
  });
  const org = await visibleOrganisation(db, actor, input.organisationId);
  assertCan(actor, 'user.manage', org.path);
  // the person the account is for: one employed (now or once) in the administrator's subtree, else 404
  if (input.personId && !(await personUnder(db, actor.tenantId, input.personId, reachablePaths(actor, 'user.manage')))) throw notFound('person');
  const username = input.username.toLowerCase();
  const taken = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw new AppError('user.username_taken', 409, { username });
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values({
      id, tenant_id: actor.tenantId, username, display_name: input.displayName, password_hash: passwordHash,
      person_id: input.personId ?? null, email: input.email ?? null, created_at: ctx.now,
    }).execute();
    await trx.insertInto('role_grants').values({
      tenant_id: actor.tenantId, id: uuidv7(ctx.now.getTime()), user_id: id, role: input.role, organisation_id: org.id,
      granted_by: actor.userId, created_at: ctx.now,
    }).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'user.create', entityType: 'user', entityId: id,
      organisationPath: org.path, changes: { username, displayName: input.displayName, email: input.email ?? null, role: input.role, organisationId: org.id },
      requestId: ctx.requestId, at: ctx.now,
    });
  });
  return managedUser(db, actor, id);
}

/** Changes an account; made from an older version than the row's, it is refused (409 edit.stale) and nothing changes. */
export async function updateUser(ctx: CommandContext, userId: string, patch: UserPatch) {
  const { db, actor } = ctx;
  const user = await managedUser(db, actor, userId);
  if (patch.password !== undefined) {
    const context = await passwordContextOf(db, userId);
    assertStrongPassword(patch.password, { ...context, ...(patch.displayName !== undefined && { displayName: patch.displayName }), ...(patch.email && { email: patch.email }) });
  }
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  await db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('users').select('version').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    assertCurrentVersion(patch.version, locked.version);
    await trx.updateTable('users').set({
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.disabled !== undefined && { disabled: patch.disabled }),
      ...(patch.email !== undefined && { email: patch.email }),
      ...(patch.emailNotices !== undefined && { email_notices: patch.emailNotices }),
      ...(passwordHash !== undefined && { password_hash: passwordHash }),
      version: nextVersion(),
    }).where('id', '=', userId).execute();
    if (passwordHash !== undefined) await forgetAccountFailures(trx, user.username);
    // a reset password or a disabled account ends every open session of that account
    if (passwordHash !== undefined || patch.disabled) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'user.update', entityType: 'user', entityId: userId,
      organisationPath: '/', requestId: ctx.requestId, at: ctx.now,
      changes: {
        ...(patch.displayName !== undefined && { displayName: [user.displayName, patch.displayName] }),
        ...(patch.disabled !== undefined && { disabled: [user.disabled, patch.disabled] }),
        ...(patch.email !== undefined && { email: [user.email, patch.email] }),
        ...(patch.emailNotices !== undefined && { emailNotices: [user.emailNotices, patch.emailNotices] }),
        ...(passwordHash !== undefined && { password: 'reset' }),
      },
    });
  });
  return managedUser(db, actor, userId);
}

export async function grantRole(ctx: CommandContext, userId: string, role: Role, organisationId: string) {
  const { db, actor } = ctx;
  await managedUser(db, actor, userId);
  const org = await visibleOrganisation(db, actor, organisationId);
  assertCan(actor, 'user.manage', org.path);
  const id = uuidv7(ctx.now.getTime());
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('role_grants').values({
      tenant_id: actor.tenantId, id, user_id: userId, role, organisation_id: org.id, granted_by: actor.userId, created_at: ctx.now,
    }).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'grant.create', entityType: 'grant', entityId: id,
      organisationPath: org.path, changes: { userId, role, organisationId }, requestId: ctx.requestId, at: ctx.now,
    });
  });
  return managedUser(db, actor, userId);
}

export async function revokeRole(ctx: CommandContext, userId: string, grantId: string) {
  const { db, actor } = ctx;
  const grant = await db.selectFrom('role_grants as g')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'g.tenant_id').onRef('o.id', '=', 'g.organisation_id'))
    .select(['g.id', 'g.role', 'g.user_id', 'o.path', 'g.organisation_id'])
    .where('g.tenant_id', '=', actor.tenantId).where('g.id', '=', grantId).where('g.user_id', '=', userId)
    .where('g.revoked_at', 'is', null).executeTakeFirst();
  if (!grant || !reachablePaths(actor, 'user.manage').some((p) => grant.path.startsWith(p))) throw notFound('grant');
  if (userId === actor.userId && grant.role === 'system_admin') throw new AppError('grant.self_admin_revoke', 400);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('role_grants').set({ revoked_at: ctx.now }).where('tenant_id', '=', actor.tenantId).where('id', '=', grantId).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'grant.revoke', entityType: 'grant', entityId: grantId,
      organisationPath: grant.path, changes: { userId, role: grant.role, organisationId: grant.organisation_id },
      requestId: ctx.requestId, at: ctx.now,
    });
  });
}
