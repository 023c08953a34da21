import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { ThrottleCounter, ThrottleScope, ThrottleState } from './model.ts';
import { throttleKeys } from './model.ts';
import { pathUnder } from '../organisations/index.ts';
import type { PasswordContext } from '../../platform/auth/password-rule.ts';

type Db = Kysely<Database>;

/** The three counters of an attempt and whether the account has signed in from this address before. */
export async function readThrottle(db: Db, username: string, address: string, userId: string | null): Promise<ThrottleState> {
  const keys = throttleKeys(username, address);
  const rows = await db.selectFrom('login_throttles').select(['scope', 'failures', 'last_failure_at', 'blocked_until'])
    .where((eb) => eb.or((Object.keys(keys) as ThrottleScope[]).map((scope) => eb.and([eb('scope', '=', scope), eb('key', '=', keys[scope])]))))
    .execute();
  const counter = (scope: ThrottleScope): ThrottleCounter | undefined => {
    const row = rows.find((r) => r.scope === scope);
    return row && { failures: row.failures, lastFailureAt: row.last_failure_at, blockedUntil: row.blocked_until };
  };
  // the same query whether or not the account exists (an id that matches nothing), so both take as long
  const known = await db.selectFrom('login_known_addresses').select('address')
    .where('user_id', '=', userId ?? '00000000-0000-0000-0000-000000000000').where('address', '=', address).executeTakeFirst();
  return { pair: counter('pair'), address: counter('address'), account: counter('account'), knownAddress: !!known };
}

export async function writeThrottle(db: Db, username: string, address: string, counters: Record<ThrottleScope, ThrottleCounter>): Promise<void> {
  const keys = throttleKeys(username, address);
  await db.insertInto('login_throttles')
    .values((Object.keys(keys) as ThrottleScope[]).map((scope) => ({
      scope, key: keys[scope], failures: counters[scope].failures,
      last_failure_at: counters[scope].lastFailureAt, blocked_until: counters[scope].blockedUntil,
    })))
    .onConflict((oc) => oc.columns(['scope', 'key']).doUpdateSet((eb) => ({
      failures: eb.ref('excluded.failures'), last_failure_at: eb.ref('excluded.last_failure_at'), blocked_until: eb.ref('excluded.blocked_until'),
    })))
    .execute();
}

/** A successful sign-in: this machine's failures for the account are forgiven, and the address becomes known. */
export async function recordSuccess(db: Db, username: string, address: string, userId: string, now: Date): Promise<void> {
  await db.deleteFrom('login_throttles').where('scope', '=', 'pair').where('key', '=', throttleKeys(username, address).pair).execute();
  await db.insertInto('login_known_addresses').values({ user_id: userId, address, last_success_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'address']).doUpdateSet({ last_success_at: now })).execute();
}

/** A password newly set (by link, by the owner, by an administrator): the account's counters start again. */
export async function forgetAccountFailures(db: Db, username: string): Promise<void> {
  const name = username.toLowerCase();
  await db.deleteFrom('login_throttles').where((eb) => eb.or([
    eb.and([eb('scope', '=', 'account'), eb('key', '=', name)]),
    eb.and([eb('scope', '=', 'pair'), eb('key', 'like', `${name.replace(/[\\%_]/g, (c) => `\\${c}`)} %`)]),
  ])).execute();
}

/** What an account is known by, for the password rule (platform/auth/password-rule.ts). */
export async function passwordContextOf(db: Db, userId: string): Promise<PasswordContext> {
  const row = await db.selectFrom('users as u').innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .select(['u.username', 'u.display_name', 'u.email', 't.name as tenant_name']).where('u.id', '=', userId).executeTakeFirstOrThrow();
  return { username: row.username, displayName: row.display_name, email: row.email, tenantName: row.tenant_name };
}

export async function tenantName(db: Db, tenantId: string): Promise<string> {
  return (await db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirstOrThrow()).name;
}

/**
 * Whether the account holds any role now (an account whose last grant was revoked does not sign in).
 * A platform operator holds no grant in a tenant's tree and keeps the shared reference data: that is its role.
 */
export async function hasLiveGrant(db: Db, userId: string): Promise<boolean> {
  const user = await db.selectFrom('users').select('platform_operator').where('id', '=', userId).executeTakeFirst();
  if (user?.platform_operator) return true;
  return !!(await db.selectFrom('role_grants').select('id').where('user_id', '=', userId).where('revoked_at', 'is', null).limit(1).executeTakeFirst());
}

/** Whether the person has (or had) an employment at an organisation under one of the path prefixes. */
export async function personUnder(db: Db, tenantId: string, personId: string, prefixes: string[]): Promise<boolean> {
  if (prefixes.length === 0) return false;
  return !!(await db.selectFrom('employments as e')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
    .select('e.id').where('e.tenant_id', '=', tenantId).where('e.person_id', '=', personId).where(pathUnder('o.path', prefixes))
    .limit(1).executeTakeFirst());
}
