import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from './policy.ts';
import { todayInVietnam } from '../vn/dates.ts';

export const SESSION_COOKIE = 'thidua_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionPolicy { idleMinutes: number; maxHours: number }

/** The session cookie's attributes, the same whichever way one signs in (password or single sign-on). */
export function sessionCookieOptions(config: { secureCookies: boolean; sessionMaxHours: number }) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, path: '/', maxAge: config.sessionMaxHours * 3600 };
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export async function createSession(db: Kysely<Database>, userId: string, now: Date, policy: SessionPolicy) {
  const token = newToken();
  const csrfToken = newToken();
  await db.insertInto('sessions').values({
    token_hash: sha256(token), user_id: userId, csrf_token: csrfToken,
    created_at: now, last_seen_at: now, expires_at: expiry(now, now, policy),
  }).execute();
  return { token, csrfToken };
}

function expiry(createdAt: Date, now: Date, policy: SessionPolicy): Date {
  const idle = now.getTime() + policy.idleMinutes * 60_000;
  const max = createdAt.getTime() + policy.maxHours * 3_600_000;
  return new Date(Math.min(idle, max));
}

export interface ActiveSession { tokenHash: string; csrfToken: string; actor: Actor }

/** Finds the live session for a cookie token and slides its idle expiry; null if expired or unknown. */
export async function resumeSession(
  db: Kysely<Database>, token: string, now: Date, policy: SessionPolicy,
): Promise<ActiveSession | null> {
  const tokenHash = sha256(token);
  // one query per request: the session, its account and the account's live grants (a row per grant)
  const rows = await db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('role_grants', (join) => join
      .onRef('role_grants.user_id', '=', 'users.id')
      .onRef('role_grants.tenant_id', '=', 'users.tenant_id')
      .on('role_grants.revoked_at', 'is', null))
    .leftJoin('organisations', (join) => join
      .onRef('organisations.tenant_id', '=', 'role_grants.tenant_id')
      .onRef('organisations.id', '=', 'role_grants.organisation_id'))
    .select(['sessions.csrf_token', 'sessions.created_at', 'sessions.last_seen_at', 'sessions.expires_at',
      'users.id as user_id', 'users.tenant_id', 'users.username', 'users.display_name', 'users.person_id', 'users.disabled', 'users.platform_operator',
      'role_grants.id as grant_id', 'role_grants.role', 'role_grants.organisation_id', 'organisations.name', 'organisations.path', 'organisations.valid_to'])
    .where('sessions.token_hash', '=', tokenHash)
    .orderBy('organisations.path')
    .execute();
  const row = rows[0];
  if (!row || row.disabled || row.expires_at.getTime() <= now.getTime()) {
    if (row) await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  // write at most once a minute, not on every request
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiry(row.created_at, now, policy) })
      .where('token_hash', '=', tokenHash).execute();
  }
  const grants = rows.flatMap((g) => (g.grant_id && g.role && g.organisation_id && g.name !== null && g.path !== null
    ? [{ id: g.grant_id, role: g.role, organisation_id: g.organisation_id, name: g.name, path: g.path, valid_to: g.valid_to }] : []));
  // the last role revoked ends the account's sessions: it has no business left here (accounts/auth-routes.ts);
  // a platform operator has no grant in the tree and keeps its session
  if (grants.length === 0 && !row.platform_operator) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  return {
    tokenHash,
    csrfToken: row.csrf_token,
    actor: {
      userId: row.user_id, tenantId: row.tenant_id, username: row.username, displayName: row.display_name,
      personId: row.person_id, platformOperator: row.platform_operator,
      // a grant at a unit abolished before today (the districts of 30/6/2025) still reads its history but writes nothing
      grants: grants.map((g) => ({
        id: g.id, role: g.role, organisationId: g.organisation_id, organisationName: g.name, path: g.path,
        ended: g.valid_to !== null && g.valid_to < todayInVietnam(now),
      })),
    },
  };
}

export async function destroySession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
