import { z } from 'zod';
import type { AppDeps, ZodApp } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { oidcRelyingParty, OidcProviderError } from '../../platform/auth/oidc.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../platform/auth/sessions.ts';
import { beginOidcLogin, matchAccount, OIDC_LOGIN_MINUTES, openSsoSession, recordSsoRefusal, safeReturnPath, takeOidcLogin } from './sso.ts';
import { redirect } from '../../platform/http/responses.ts';

const tags = ['auth'];
/** The browser's half of a sign-in under way at the provider: a random token, sent back only to the callback. */
export const OIDC_COOKIE = 'thidua_oidc';
const OIDC_COOKIE_PATH = '/api/auth/oidc';
export const CALLBACK_PATH = '/api/auth/oidc/callback';
/** The sign-in page, told why single sign-on refused (the words are the web app's: features/auth/text.ts). */
const LOGIN_PAGE = '/dang-nhap';

const methodsSchema = z.object({
  sso: z.object({ name: z.string().describe('the provider as the sign-in page names it (OIDC_NAME)') }).nullable()
    .describe('single sign-on with the OpenID Connect provider; null when not configured'),
});
const startQuery = z.object({ next: z.string().max(1000).optional().describe('a path on this site to open after signing in') });
const callbackQuery = z.object({
  code: z.string().max(4000).optional(), state: z.string().max(500).optional(),
  error: z.string().max(200).optional(), error_description: z.string().max(1000).optional(), iss: z.string().max(500).optional(),
});

/**
 * Single sign-on with the province's OpenID Connect provider (OIDC_ISSUER …): the sign-in page asks
 * which methods are on, the browser is sent to the provider and comes back to the callback, which
 * finds the account (accounts/sso.ts) and opens the same session as a password sign-in.
 */
export async function ssoRoutes(app: ZodApp, deps: AppDeps) {
  const { db, clock, config } = deps;
  const policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
  const relyingParty = config.oidc ? oidcRelyingParty(config.oidc, `${config.publicBaseUrl}${CALLBACK_PATH}`) : null;
  const rateLimit = { max: config.loginRatePerMinute, timeWindow: 60_000 };
  const flowCookie = { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, path: OIDC_COOKIE_PATH };

  app.get('/auth/methods', {
    config: { public: true },
    schema: { tags, summary: 'How one may sign in here: whether single sign-on is on, and the provider\'s name', security: [], response: { 200: methodsSchema } },
  }, async () => ({ sso: config.oidc ? { name: config.oidc.name } : null }));

  app.get('/auth/oidc', {
    config: { public: true, rateLimit },
    schema: { tags, summary: 'Start signing in with the OpenID Connect provider (302 to it)', querystring: startQuery, security: [], response: redirect },
  }, async (request, reply) => {
    if (!relyingParty) throw new AppError('sso.disabled', 404);
    let started;
    try {
      started = await relyingParty.start();
    } catch (error) {
      if (!(error instanceof OidcProviderError)) throw error;
      request.log.warn({ err: error }, 'single sign-on: the provider did not answer');
      throw new AppError('sso.provider_unavailable', 502);
    }
    const token = await beginOidcLogin(db, started.checks, safeReturnPath(request.query.next), clock.now());
    reply.setCookie(OIDC_COOKIE, token, { ...flowCookie, maxAge: OIDC_LOGIN_MINUTES * 60 });
    return reply.redirect(started.url.href, 302);
  });

  app.get('/auth/oidc/callback', {
    config: { public: true, rateLimit },
    schema: {
      tags, summary: 'The provider sends the browser back here: signs the matched account in (302 to the app) or says why not',
      querystring: callbackQuery, security: [], response: redirect,
    },
  }, async (request, reply) => {
    if (!relyingParty) throw new AppError('sso.disabled', 404);
    const now = clock.now();
    reply.clearCookie(OIDC_COOKIE, flowCookie);
    const pending = await takeOidcLogin(db, request.cookies[OIDC_COOKIE], request.query.state, now);
    if (!pending) throw new AppError('sso.state_invalid', 400);
    const refuse = (code: string, who?: string) => {
      const query = new URLSearchParams({ sso_error: code, ...(who && { sso_who: who.slice(0, 254) }) });
      return reply.redirect(`${LOGIN_PAGE}?${query}`, 302);
    };

    let identity;
    try {
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      identity = await relyingParty.finish(new URL(`${config.publicBaseUrl}${CALLBACK_PATH}${search}`), pending.checks);
    } catch (error) {
      if (!(error instanceof OidcProviderError)) throw error;
      request.log.warn({ err: error }, 'single sign-on: the provider refused or its answer did not check out');
      return refuse('provider');
    }

    const match = await matchAccount(db, identity);
    if (!match.ok) {
      await recordSsoRefusal(db, match, now, request.id);
      return refuse(match.refusal.replace(/^sso\./u, ''), match.who);
    }
    const { token } = await openSsoSession({ db, identity, now, policy, requestId: request.id, match });
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
    return reply.redirect(pending.returnTo ?? '/', 302);
  });
}
