import { randomBytes } from 'node:crypto';

/**
 * The award ledger's pure rules (no I/O).
 *
 * A verification code is 12 characters of Crockford base32 (digits and capitals without I, L, O, U):
 * 60 random bits, short enough to type from paper. Every award resting on a decision gets one when it is
 * written; certificates/model.ts reads them back (normaliseCode, formatCode).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

/** A fresh, unguessable verification code (canonical form). Every byte gives one character: 256 = 8 × 32, so no bias. */
export function newVerificationCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b % 32];
  return code;
}

/** An award rests on a decision when it has a decision number; only those get a code (a certificate can be checked). */
export function restsOnDecision(decisionNumber: string | null | undefined): boolean {
  return (decisionNumber ?? '').trim() !== '';
}
