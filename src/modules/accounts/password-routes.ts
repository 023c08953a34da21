import { z } from 'zod';
import type { AppDeps, ZodApp } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { assertStrongPassword } from '../../platform/auth/password-rule.ts';
import { forgetAccountFailures, passwordContextOf } from './store.ts';
import { issuePasswordLink, passwordLinkUrl, redeemPasswordLink, PASSWORD_LINK_HOURS } from '../../platform/auth/password-links.ts';
import { resetMail } from './password-mail.ts';
import { noContent } from '../../platform/http/responses.ts';
import { nextVersion } from '../../platform/versions.ts';

const tags = ['auth'];
const forgotBody = z.object({ login: z.string().trim().min(1).max(254) }).strict();
const resetBody = z.object({ token: z.string().min(20).max(200), password: z.string().min(1).max(200) }).strict();

/**
 * A forgotten password: a one-time link by e-mail to the address on the account, and setting a new
 * password with that link (or with the first administrator's link from `npm run setup`).
 */
export async function passwordRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock, config, mailer } = deps;
  const rateLimit = { max: config.loginRatePerMinute, timeWindow: 60_000 };

  app.post('/auth/password/forgot', {
    config: { public: true, rateLimit },
    schema: {
      tags, summary: 'Send a one-time link to set a new password to the e-mail address of the account (same answer for any login)',
      body: forgotBody, security: [], response: { 202: z.object({ accepted: z.literal(true) }) },
    },
  }, async (request, reply) => {
    const login = request.body.login.toLowerCase();
    const now = clock.now();
    // the answer neither waits for nor tells what happens next: known and unknown logins look alike
    const sendLinks = async () => {
      if (!mailer) return;
      const users = await db.selectFrom('users as u').innerJoin('tenants as t', 't.id', 'u.tenant_id')
        .select(['u.id', 'u.tenant_id', 'u.username', 'u.display_name', 'u.email', 'u.locale', 't.name as tenant_name'])
        .where((eb) => eb.or([eb('u.username', '=', login), eb('u.email', '=', login)]))
        .where('u.disabled', '=', false).where('u.email', 'is not', null).limit(5).execute();
      for (const user of users) {
        const token = await db.transaction().execute(async (trx) => {
          const issued = await issuePasswordLink(trx, user.id, 'reset', now);
          await recordAudit(trx, {
            tenantId: user.tenant_id, actorUserId: null, action: 'user.password_link', entityType: 'user', entityId: user.id,
            organisationPath: '/', changes: { purpose: 'reset', hours: PASSWORD_LINK_HOURS.reset }, requestId: request.id, at: now,
          });
          return issued;
        });
        await mailer.send(resetMail({
          to: user.email!, locale: user.locale, displayName: user.display_name, username: user.username, tenantName: user.tenant_name,
          url: passwordLinkUrl(config.publicBaseUrl, token), hours: PASSWORD_LINK_HOURS.reset,
        }));
      }
    };
    void sendLinks().catch((error: unknown) => request.log.error(error, 'password link not sent'));
    return reply.status(202).send({ accepted: true });
  });

  app.post('/auth/password/reset', {
    config: { public: true, rateLimit },
    schema: { tags, summary: 'Set a new password with a one-time link; every open session of the account ends', body: resetBody, security: [], response: noContent },
  }, async (request, reply) => {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const link = await redeemPasswordLink(trx, request.body.token, now);
      const user = link && await trx.selectFrom('users').select(['id', 'tenant_id', 'disabled', 'username']).where('id', '=', link.userId).executeTakeFirst();
      // a rollback gives the link back: nothing is used up by a refused attempt
      if (!link || !user || user.disabled) throw new AppError('password_link.invalid', 400);
      assertStrongPassword(request.body.password, await passwordContextOf(trx, user.id));
      const passwordHash = await hashPassword(request.body.password);
      await trx.updateTable('users').set({ password_hash: passwordHash, version: nextVersion() }).where('id', '=', user.id).execute();
      await forgetAccountFailures(trx, user.username);
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      await recordAudit(trx, {
        tenantId: user.tenant_id, actorUserId: user.id, action: 'user.password_set', entityType: 'user', entityId: user.id,
        organisationPath: '/', changes: { purpose: link.purpose }, requestId: request.id, at: now,
      });
    });
    return reply.status(204).send();
  });
}
