import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { actorOf, type AppDeps, type ZodApp } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/passwords.ts';
import { SESSION_COOKIE, createSession, destroySession, resumeSession, sessionCookieOptions } from '../../platform/auth/sessions.ts';
import { ROLES, type Actor } from '../../platform/auth/policy.ts';
import { afterFailure, minutesUntil, refusedUntil } from './model.ts';
import { hasLiveGrant, readThrottle, recordSuccess, writeThrottle } from './store.ts';
import { emailNotices } from './user-routes.ts';
import { ownMail, type OwnMail } from './own-account.ts';
import { noContent } from '../../platform/http/responses.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';

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

const sessionSchema = z.object({
  me: meSchema.nullable(),
  /** the app clock's instant and its calendar date in Asia/Ho_Chi_Minh: the browser's "today" */
  now: z.string(), today: z.string(),
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
    const { username, password } = request.body;
    const address = request.ip;
    const user = await db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
    const audit = (action: string, changes: Record<string, unknown>) => user && recordAudit(db, {
      tenantId: user.tenant_id, actorUserId: user.id, action, entityType: 'user', entityId: user.id,
      organisationPath: '/', changes: { address, ...changes }, requestId: request.id, at: now,
    });
    // Unknown user, wrong password, disabled account: the same counters, the same argon2 verification,
    // the same answer. Only the right password of a disabled account is told that it is disabled.
    const state = await readThrottle(db, username, address, user?.id ?? null);
    const refused = refusedUntil(state, now);
    if (refused) throw new AppError('login_throttled', 429, { minutes: minutesUntil(refused, now) });
    const ok = await verifyPassword(user?.password_hash ?? await dummyPasswordHash(), password);
    if (!user || !ok) {
      const next = {
        pair: afterFailure('pair', state.pair, now),
        address: afterFailure('address', state.address, now),
        account: afterFailure('account', state.account, now),
      };
      await writeThrottle(db, username, address, next);
      await audit(refusedUntil({ ...next, knownAddress: state.knownAddress }, now) ? 'auth.throttled' : 'auth.login_failed',
        { failures: next.pair.failures });
      throw new AppError('bad_credentials', 401);
    }
    if (user.disabled) throw new AppError('account_disabled', 403);
    // An account whose last role was revoked does not sign in (issue 15.8). Access in a public office
    // follows an assignment: someone transferred, retired or relieved of the duty keeps no way into the
    // unit's personnel records, not even a read-only one; the account stays with the unit of its last
    // grant (service.ts) until an administrator gives it a role again or disables it.
    if (!(await hasLiveGrant(db, user.id))) throw new AppError('account_no_role', 403);
    await recordSuccess(db, username, address, user.id, now);
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

  // what every page of the browser app asks first: signed in or not (no 401 for the public pages), and the
  // app's own clock, so that forms default to the server's today (CLOCK_START in tests and training rooms)
  app.get('/auth/session', {
    config: { public: true },
    schema: { tags, summary: 'The session if signed in (null otherwise), and the app\'s now and today in Vietnam', security: [], response: { 200: sessionSchema } },
  }, async (request) => {
    const now = clock.now();
    const me = request.actor ? presentMe(request.actor, request.locale, request.csrfToken!, await ownMail(db, request.actor.userId)) : null;
    return { me, now: now.toISOString(), today: todayInVietnam(now) };
  });

  app.get('/auth/me', {
    schema: { tags, summary: 'Who I am, my role grants and my CSRF token', response: { 200: meSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    return presentMe(actor, request.locale, request.csrfToken!, await ownMail(db, actor.userId));
  });
}
