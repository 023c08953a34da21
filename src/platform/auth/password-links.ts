import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * One-time links to set a password. The token travels only in the link (by e-mail, or printed once by
 * `npm run setup`); the database keeps its SHA-256, so a reader of the database cannot use a link.
 */
export type PasswordLinkPurpose = 'setup' | 'reset';

/** How long a link works: a reset one hour (it arrives at once); a first administrator's link three days. */
export const PASSWORD_LINK_HOURS: Readonly<Record<PasswordLinkPurpose, number>> = { reset: 1, setup: 72 };

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new link's token for the account; earlier unused links of the same purpose stop working. */
export async function issuePasswordLink(db: Kysely<Database>, userId: string, purpose: PasswordLinkPurpose, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.updateTable('password_links').set({ used_at: now })
    .where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  await db.insertInto('password_links').values({
    token_hash: sha256(token), user_id: userId, purpose, created_at: now,
    expires_at: new Date(now.getTime() + PASSWORD_LINK_HOURS[purpose] * 3_600_000),
  }).execute();
  return token;
}

/**
 * Uses the link: answers whose password it sets, and marks it used in the caller's transaction (a link
 * sent twice at once is used once: the row is locked). Null when unknown, used or expired.
 */
export async function redeemPasswordLink(trx: Kysely<Database>, token: string, now: Date): Promise<{ userId: string; purpose: PasswordLinkPurpose } | null> {
  const { rows } = await sql<{ user_id: string; purpose: PasswordLinkPurpose }>`
    UPDATE password_links SET used_at = ${now}
    WHERE token_hash = ${sha256(token)} AND used_at IS NULL AND expires_at > ${now}
    RETURNING user_id, purpose`.execute(trx);
  const row = rows[0];
  return row ? { userId: row.user_id, purpose: row.purpose } : null;
}

/** The address a person opens to set a password with this token. */
export function passwordLinkUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/dat-mat-khau?ma=${encodeURIComponent(token)}`;
}
