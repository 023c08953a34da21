
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
