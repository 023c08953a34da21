import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { OidcChecks, OidcIdentity } from '../../platform/auth/oidc.ts';
import { recordAudit } from '../../platform/audit.ts';
import { createSession, type SessionPolicy } from '../../platform/auth/sessions.ts';
import { hasLiveGrant } from './store.ts';

type Db = Kysely<Database>;

/** How long the provider has to send the browser back (the oidc_logins row and its cookie). */
export const OIDC_LOGIN_MINUTES = 10;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Where to go after signing in: only a path on this site ("/ca-nhan?q=a"), never another origin
 * ("//evil.example", "/\\evil.example", "https://…"); anything else means the home page.
 */
export function safeReturnPath(next: string | undefined): string | null {
  if (!next || next.length > 1000 || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  if ([...next].some((c) => c.charCodeAt(0) < 0x20)) return null;
  const base = 'http://thidua.invalid';
  const url = new URL(next, base);
  if (url.origin !== base || url.pathname.startsWith('/api/') || url.pathname === '/dang-nhap') return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Keeps a starting sign-in's checks; the returned token goes to the browser in an httpOnly cookie. */
export async function beginOidcLogin(db: Db, checks: OidcChecks, returnTo: string | null, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.deleteFrom('oidc_logins').where('expires_at', '<=', now).execute();
  await db.insertInto('oidc_logins').values({
    token_hash: sha256(token), state: checks.state, nonce: checks.nonce, code_verifier: checks.codeVerifier,
    return_to: returnTo, created_at: now, expires_at: new Date(now.getTime() + OIDC_LOGIN_MINUTES * 60_000),
  }).execute();
  return token;
}

/**
 * The sign-in this browser started, if `state` is the one it was sent with: used up at once (deleted),
 * so a replayed callback, a second tab's old link or another browser's callback finds nothing.
 */
export async function takeOidcLogin(db: Db, token: string | undefined, state: string | undefined, now: Date) {
  if (!token) return null;
  const row = await db.deleteFrom('oidc_logins').where('token_hash', '=', sha256(token)).returningAll().executeTakeFirst();
  if (!row || row.expires_at.getTime() <= now.getTime() || state === undefined || row.state !== state) return null;
  return { checks: { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier }, returnTo: row.return_to };
}

export type SsoRefusal = 'sso.not_provisioned' | 'sso.ambiguous_email' | 'sso.account_disabled' | 'sso.linked_elsewhere' | 'sso.no_role';
export type MatchedBy = 'subject' | 'email' | 'username';

export type SsoMatch =
  | { ok: true; userId: string; tenantId: string; matchedBy: MatchedBy }
  | { ok: false; refusal: SsoRefusal; who: string; userId?: string; tenantId?: string };

/** How the person is named in a refusal: what the administrator would look for. */
const whoOf = (identity: OidcIdentity) => identity.email ?? identity.preferredUsername ?? identity.subject;

/**
 * Which account an identity from the provider is. Accounts are never created here: an administrator
 * gives a person an account (with its e-mail address) and its roles first.
 * 1. the account that remembers this issuer's `sub` (set at the first sign-in below);
 * 2. else the one account whose e-mail is the identity's, case-insensitively (not when the provider
 *    says the address is unverified; two accounts with the address: refused, the administrator decides);
 * 3. else the account whose username is the `preferred_username` claim.
 * An account found by 2 or 3 that already remembers another `sub` at this issuer belongs to someone else.
 */
export async function matchAccount(db: Db, identity: OidcIdentity): Promise<SsoMatch> {
  const match = await findAccount(db, identity);
  // an account without any role is refused like with a password (auth-routes.ts)
  if (match.ok && !(await hasLiveGrant(db, match.userId))) {
    return { ok: false, refusal: 'sso.no_role', who: whoOf(identity), userId: match.userId, tenantId: match.tenantId };
  }
  return match;
}

async function findAccount(db: Db, identity: OidcIdentity): Promise<SsoMatch> {
  const columns = ['id', 'tenant_id', 'disabled', 'oidc_issuer', 'oidc_subject'] as const;
  type Row = { id: string; tenant_id: string; disabled: boolean; oidc_issuer: string | null; oidc_subject: string | null };
  const accept = (user: Row, matchedBy: MatchedBy): SsoMatch => {
    if (user.disabled) return { ok: false, refusal: 'sso.account_disabled', who: whoOf(identity), userId: user.id, tenantId: user.tenant_id };
    if (matchedBy !== 'subject' && user.oidc_issuer === identity.issuer && user.oidc_subject !== identity.subject) {
      return { ok: false, refusal: 'sso.linked_elsewhere', who: whoOf(identity), userId: user.id, tenantId: user.tenant_id };
    }
    return { ok: true, userId: user.id, tenantId: user.tenant_id, matchedBy };
  };

  const bySubject = await db.selectFrom('users').select(columns)
    .where('oidc_issuer', '=', identity.issuer).where('oidc_subject', '=', identity.subject).executeTakeFirst();
  if (bySubject) return accept(bySubject, 'subject');

  if (identity.email && identity.emailVerified) {
    const byEmail = await db.selectFrom('users').select(columns)
      .where(sql<string>`lower(email)`, '=', identity.email.toLowerCase()).limit(2).execute();
    if (byEmail.length > 1) return { ok: false, refusal: 'sso.ambiguous_email', who: identity.email };
    if (byEmail[0]) return accept(byEmail[0], 'email');
  }

  if (identity.preferredUsername) {
    const byUsername = await db.selectFrom('users').select(columns)
      .where('username', '=', identity.preferredUsername.toLowerCase()).executeTakeFirst();
    if (byUsername) return accept(byUsername, 'username');
  }
  return { ok: false, refusal: 'sso.not_provisioned', who: whoOf(identity) };
}

export interface SsoSignIn { db: Db; identity: OidcIdentity; now: Date; policy: SessionPolicy; requestId: string }

/**
 * Signs a matched account in: remembers the provider's `sub` the first time, opens the same database
 * session as a password sign-in, and writes `auth.login` with the method; one transaction.
 */
export async function openSsoSession(options: SsoSignIn & { match: Extract<SsoMatch, { ok: true }> }) {
  const { db, identity, now, match, requestId } = options;
  return db.transaction().execute(async (trx) => {
    const audit = (action: string, changes: Record<string, unknown>) => recordAudit(trx, {
      tenantId: match.tenantId, actorUserId: match.userId, action, entityType: 'user', entityId: match.userId,
      organisationPath: '/', changes, requestId, at: now,
    });
    if (match.matchedBy !== 'subject') {
      await trx.updateTable('users').set({ oidc_issuer: identity.issuer, oidc_subject: identity.subject }).where('id', '=', match.userId).execute();
      await audit('user.sso_linked', { issuer: identity.issuer, subject: identity.subject, matchedBy: match.matchedBy });
    }
    const session = await createSession(trx, match.userId, now, options.policy);
    await audit('auth.login', { method: 'oidc', matchedBy: match.matchedBy });
    return session;
  });
}

/** A refusal of a known account is written to its audit trail (an unknown identity has none). */
export async function recordSsoRefusal(db: Db, refusal: Extract<SsoMatch, { ok: false }>, now: Date, requestId: string) {
  if (!refusal.userId || !refusal.tenantId) return;
  await recordAudit(db, {
    tenantId: refusal.tenantId, actorUserId: refusal.userId, action: 'auth.login_failed', entityType: 'user', entityId: refusal.userId,
    organisationPath: '/', changes: { method: 'oidc', reason: refusal.refusal }, requestId, at: now,
  });
}
