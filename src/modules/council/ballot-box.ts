import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt } from 'node:crypto';
import { CHOICES, type Choice } from './model.ts';

/**
 * The ballot box's cryptography (no I/O). A meeting's key is derived from the server's BALLOT_SECRET, which
 * never enters the database, and the meeting's random salt, which is stored while voting is open and forgotten
 * at the close. With the key the server finds a member's ballot paper (token) and seals or opens a choice;
 * without it a row of the box names nobody and says nothing. See docs/ARCHITECTURE.md, "The secret ballot".
 */
export interface MeetingKey { readonly key: Buffer }

const b64 = (bytes: Buffer) => bytes.toString('base64url');

export function newBallotSalt(): string {
  return b64(randomBytes(32));
}

/** BALLOT_SECRET: at least 32 bytes, given as base64 or hex (or any string of 32+ characters). */
export function ballotSecretBytes(secret: string): Buffer {
  const bytes = /^[0-9a-f]{64,}$/i.test(secret) ? Buffer.from(secret, 'hex') : Buffer.from(secret, 'utf8');
  if (bytes.length < 32) throw new Error('BALLOT_SECRET must be at least 32 bytes');
  return bytes;
}

export function meetingKey(secret: string, at: { tenantId: string; meetingId: string; salt: string }): MeetingKey {
  const key = createHmac('sha256', ballotSecretBytes(secret))
    .update(`thidua/council-ballot/v1\n${at.tenantId}\n${at.meetingId}\n${at.salt}`).digest();
  return { key };
}

/** A member's ballot paper for one item: the same value every time for the same key, unguessable without it. */
export function tokenHash(k: MeetingKey, itemId: string, personId: string): string {
  return b64(createHmac('sha256', k.key).update(`token\n${itemId}\n${personId}`).digest());
}

const sealKey = (k: MeetingKey) => createHmac('sha256', k.key).update('seal').digest();
const aad = (tenantId: string, itemId: string, token: string) => Buffer.from(`${tenantId}\n${itemId}\n${token}`);

/**
 * One choice, sealed to its paper (AES-256-GCM, the paper's place as associated data, so a sealed value copied
 * to another paper or item does not open). One byte of plaintext: every sealed value has the same length.
 */
export function seal(k: MeetingKey, paper: { tenantId: string; itemId: string; token: string }, choice: Choice): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(k), iv);
  cipher.setAAD(aad(paper.tenantId, paper.itemId, paper.token));
  const body = Buffer.concat([cipher.update(Buffer.from([CHOICES.indexOf(choice)])), cipher.final()]);
  return b64(Buffer.concat([iv, cipher.getAuthTag(), body]));
}

/** Opens a sealed choice; throws if it was not sealed under this key for this paper. */
export function unseal(k: MeetingKey, paper: { tenantId: string; itemId: string; token: string }, sealed: string): Choice {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(k), bytes.subarray(0, 12));
  decipher.setAAD(aad(paper.tenantId, paper.itemId, paper.token));
  decipher.setAuthTag(bytes.subarray(12, 28));
  const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  const choice = CHOICES[plain[0]!];
  if (plain.length !== 1 || !choice) throw new Error('a sealed ballot holds no choice');
  return choice;
}

/** Fisher–Yates with the system's cryptographic randomness: the order papers are written in says nothing. */
export function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
