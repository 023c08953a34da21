import type { Kysely } from 'kysely';
import type { Database, EmailNotices } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { assertStrongPassword } from '../../platform/auth/password-rule.ts';
import { forgetAccountFailures, passwordContextOf } from './store.ts';
import { nextVersion } from '../../platform/versions.ts';

/**
 * What a signed-in person changes on their own account ("my account"): where notices go by e-mail,
 * how often, and their password. An administrator changes the same fields through service.ts.
 */
type Db = Kysely<Database>;

export interface OwnMail { email: string | null; emailNotices: EmailNotices }

export async function ownMail(db: Db, userId: string): Promise<OwnMail> {
  const row = await db.selectFrom('users').select(['email', 'email_notices']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { email: row.email, emailNotices: row.email_notices };
}

/**
 * Sets where notices go and how often. A different address takes the current password: password links
 * are sent there, so whoever sits at a session left open must not be able to redirect them.
 */
export async function updateOwnMail(ctx: CommandContext, patch: Partial<OwnMail> & { currentPassword?: string | undefined }): Promise<OwnMail> {
  const { db, actor } = ctx;
  const before = await ownMail(db, actor.userId);
  if (patch.email !== undefined && patch.email !== before.email && patch.email !== null) {
    const user = await db.selectFrom('users').select('password_hash').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    if (patch.currentPassword === undefined) throw new AppError('user.current_password_required', 400);
    if (!(await verifyPassword(user.password_hash, patch.currentPassword))) {
      await recordAudit(db, {
        tenantId: actor.tenantId, actorUserId: actor.userId, action: 'user.email_change_failed', entityType: 'user', entityId: actor.userId,
        organisationPath: '/', changes: {}, requestId: ctx.requestId, at: ctx.now,
      });
      throw new AppError('user.current_password_wrong', 400);
    }
  }
  // only the password sent, nothing to set: nothing to write (an empty SET is not SQL)
  if (patch.email === undefined && patch.emailNotices === undefined) return before;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({
      ...(patch.email !== undefined && { email: patch.email }),
      ...(patch.emailNotices !== undefined && { email_notices: patch.emailNotices }),
      version: nextVersion(),
    }).where('id', '=', actor.userId).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'user.update', entityType: 'user', entityId: actor.userId,
      organisationPath: '/', requestId: ctx.requestId, at: ctx.now,
      changes: {
        ...(patch.email !== undefined && { email: [before.email, patch.email] }),
        ...(patch.emailNotices !== undefined && { emailNotices: [before.emailNotices, patch.emailNotices] }),
      },
    });
  });
  return ownMail(db, actor.userId);
}

/**
 * Changes one's own password, the current one required (a session left open on a shared computer
 * must not be enough to take the account). Every other session of the account ends; this one stays.
 */
export async function changeOwnPassword(ctx: CommandContext & { sessionTokenHash: string }, input: { currentPassword: string; newPassword: string }) {
  const { db, actor } = ctx;
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordAudit(db, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'user.password_change_failed', entityType: 'user', entityId: actor.userId,
      organisationPath: '/', changes: {}, requestId: ctx.requestId, at: ctx.now,
    });
    throw new AppError('user.current_password_wrong', 400);
  }
  if (input.newPassword === input.currentPassword) throw new AppError('user.same_password', 400);
  assertStrongPassword(input.newPassword, await passwordContextOf(db, actor.userId));
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, version: nextVersion() }).where('id', '=', actor.userId).execute();
    await forgetAccountFailures(trx, actor.username);
    await trx.deleteFrom('sessions').where('user_id', '=', actor.userId).where('token_hash', '!=', ctx.sessionTokenHash).execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'user.password_change', entityType: 'user', entityId: actor.userId,
      organisationPath: '/', changes: {}, requestId: ctx.requestId, at: ctx.now,
    });
  });
}
