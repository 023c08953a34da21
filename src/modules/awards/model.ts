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

/**
 * Which awards the system prints a certificate for, and what the certificate is called.
 *
 * - Bằng khen and Giấy khen are themselves certificates: "BẰNG KHEN", "GIẤY KHEN".
 * - The titles a province or a unit confers with a paper of their own — Chiến sĩ thi đua cơ sở,
 *   Chiến sĩ thi đua cấp tỉnh, Tập thể lao động xuất sắc — get a "GIẤY CHỨNG NHẬN" naming the title
 *   (Decree 98/2023 art. 65 describes the certificate forms of the titles; confirm the exact layout).
 * - Not printed here: Lao động tiên tiến and Tập thể lao động tiên tiến (recorded in the unit's
 *   decision, no certificate of their own), the emulation flags (Cờ thi đua: a flag, not a paper),
 *   and the state-level papers (Huân chương, Chiến sĩ thi đua toàn quốc), which the Office of the
 *   President or the central board print on their own forms.
 */
export interface CertificateKind { heading: string; titleLine: string | null }

const CERTIFICATES: Record<string, CertificateKind> = {
  giay_khen: { heading: 'GIẤY KHEN', titleLine: null },
  bang_khen_tinh: { heading: 'BẰNG KHEN', titleLine: null },
  bang_khen_thu_tuong: { heading: 'BẰNG KHEN', titleLine: null },
  chien_si_thi_dua_co_so: { heading: 'GIẤY CHỨNG NHẬN', titleLine: 'Danh hiệu Chiến sĩ thi đua cơ sở' },
  chien_si_thi_dua_tinh: { heading: 'GIẤY CHỨNG NHẬN', titleLine: 'Danh hiệu Chiến sĩ thi đua cấp tỉnh' },
  tap_the_lao_dong_xuat_sac: { heading: 'GIẤY CHỨNG NHẬN', titleLine: 'Danh hiệu Tập thể lao động xuất sắc' },
};

export function certificateKind(awardForm: string): CertificateKind | null {
  return CERTIFICATES[awardForm] ?? null;
}

export const hasCertificate = (awardForm: string): boolean => certificateKind(awardForm) !== null;
