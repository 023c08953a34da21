
/**
 * Certificates and their verification codes: pure rules (no I/O).
 *
 * A code is 12 characters of Crockford base32 (digits and capitals without I, L, O, U): 60 random
 * bits, short enough to type from paper, printed grouped as `7KQ4-M2XD-9TPA`. Stored canonical (no
 * dashes, upper case). Reading one back forgives what people do when typing: lower case, spaces or
 * dashes anywhere, and the letters Crockford maps to digits (O → 0, I and L → 1).
 * Codes are made where awards are written (awards/model.ts newVerificationCode).
 */
/** The canonical form: 12 characters of the alphabet (awards/model.ts CODE_ALPHABET). */
const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{12}$/u;

/** The canonical code a person meant, or null when what they typed cannot be a code. */
export function normaliseCode(input: string): string | null {
  const compact = input.normalize('NFC').toUpperCase().replace(/[\s\-–—._]/gu, '')
    .replace(/O/gu, '0').replace(/[IL]/gu, '1');
  return CANONICAL.test(compact) ? compact : null;
}

/** '7KQ4M2XD9TPA' → '7KQ4-M2XD-9TPA', as printed. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/gu)?.join('-') ?? code;
}

/** The address the QR code opens: the public verification page. */
export function verificationUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/+$/u, '')}/xac-minh/${formatCode(code)}`;
}

// which award forms print a certificate, and under what heading: the ledger's rule (awards/model.ts)
export { certificateKind, hasCertificate, type CertificateKind } from '../awards/index.ts';

/** 'Chủ tịch UBND tỉnh Sơn La' → 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA': the authority as a certificate names it. */
export function authorityLine(decidedBy: string): string {
  return decidedBy.trim().replace(/\bUBND\b/gu, 'Ủy ban nhân dân').toLocaleUpperCase('vi');
}

/** 'Tỉnh Sơn La' → 'Sơn La': the place a certificate is signed at, from the tenant's name. */
export function placeOf(tenantName: string): string {
  return tenantName.trim().replace(/^(tỉnh|thành phố|tp\.?|bộ)\s+/iu, '');
}

/** What a printed certificate shows about its recipient, and so all the public page may show. */
export interface PublicAward {
  recipientName: string;
  unitName: string;
  awardFormName: string;
  year: number;
  decisionNumber: string;
  decidedOn: string | null;
  decidedBy: string;
  revokedOn?: string;
  revocationNumber?: string;
}

export type VerificationStatus = 'valid' | 'revoked' | 'not_found';
