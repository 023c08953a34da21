import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { actorOf, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/passwords.ts';
import { SESSION_COOKIE, createSession, destroySession, resumeSession, sessionCookieOptions } from '../../platform/auth/sessions.ts';
import { ROLES, type Actor } from '../../platform/auth/policy.ts';
import { afterFailure, isLocked, minutesLeft } from './model.ts';
import { emailNotices } from './user-routes.ts';
import { ownMail, type OwnMail } from './own-account.ts';
import { noContent } from '../../platform/http/responses.ts';

const tags = ['auth'];

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(), username: z.string(), displayName: z.string(), locale: z.enum(['vi', 'en']), personId: z.uuid().nullable(),
    // where notices go by e-mail and how often (the person sets both on "my account")
    email: z.string().nullable(), emailNotices,
    // the platform operator keeps the reference data every tenant reads (the operator area)
    platformOperator: z.boolean(),
  }),
  grants: z.array(z.object({ id: z.uuid(), role: z.enum(ROLES as [string, ...string[]]), organisationId: z.uuid(), organisationName: z.string() })),
  csrfToken: z.string(),
});

const loginBody = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }).strict();

/** `mail`: the account's own e-mail settings, which the session's actor does not carry. */
function presentMe(actor: Actor, locale: 'vi' | 'en', csrfToken: string, mail: OwnMail): z.infer<typeof meSchema> {
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName, locale, personId: actor.personId, platformOperator: actor.platformOperator === true, ...mail },
    grants: actor.grants.map((g) => ({ id: g.id, role: g.role, organisationId: g.organisationId, organisationName: g.organisationName })),
    csrfToken,
  };
}

export async function authRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock, config } = deps;
  const policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };

  function setCookie(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
  }

  app.post('/auth/login', {
    config: { public: true, rateLimit: { max: config.loginRatePerMinute, timeWindow: 60_000 } },
    schema: { tags, summary: 'Sign in with username and password', body: loginBody, security: [], response: { 200: meSchema } },
  }, async (request, reply) => {
    const now = clock.now();
    const user = await db.selectFrom('users').selectAll().where('username', '=', request.body.username.toLowerCase()).executeTakeFirst();
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), request.body.password); // same time as a real account
      throw new AppError('bad_credentials', 401);
    }
    const state = { failedLogins: user.failed_logins, lockedUntil: user.locked_until };
    const audit = (action: string, changes: Record<string, unknown>) => recordAudit(db, {
      tenantId: user.tenant_id, actorUserId: user.id, action, entityType: 'user', entityId: user.id,
      organisationPath: '/', changes, requestId: request.id, at: now,
    });
    if (isLocked(state, now)) throw new AppError('locked_out', 429, { minutes: minutesLeft(state, now) });
    if (user.disabled) throw new AppError('account_disabled', 403);
    if (!(await verifyPassword(user.password_hash, request.body.password))) {
      const next = afterFailure(state, now);
      await db.updateTable('users').set({ failed_logins: next.failedLogins, locked_until: next.lockedUntil })
        .where('id', '=', user.id).execute();
      await audit(isLocked(next, now) ? 'auth.locked_out' : 'auth.login_failed', { failedLogins: next.failedLogins });
      if (isLocked(next, now)) throw new AppError('locked_out', 429, { minutes: minutesLeft(next, now) });
      throw new AppError('bad_credentials', 401);
    }
    await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    const { token } = await createSession(db, user.id, now, policy);
    await audit('auth.login', {});
    const session = (await resumeSession(db, token, now, policy))!;
    setCookie(reply, token);
    return presentMe(session.actor, request.locale, session.csrfToken, { email: user.email, emailNotices: user.email_notices });
  });

  app.post('/auth/logout', {
    schema: { tags, summary: 'Sign out (ends the session on the server)', response: noContent },
  }, async (request, reply) => {
    const actor = actorOf(request);
    await destroySession(db, request.sessionTokenHash!);
    await recordAudit(db, {
      tenantId: actor.tenantId, actorUserId: actor.userId, action: 'auth.logout', entityType: 'user', entityId: actor.userId,
      organisationPath: '/', changes: {}, requestId: request.id, at: clock.now(),
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/auth/me', {
    schema: { tags, summary: 'Who I am, my role grants and my CSRF token', response: { 200: meSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    return presentMe(actor, request.locale, request.csrfToken!, await ownMail(db, actor.userId));
  });
}
