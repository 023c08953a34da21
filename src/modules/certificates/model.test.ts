import { describe, expect, it } from 'vitest';
import { authorityLine, certificateKind, formatCode, normaliseCode, placeOf, verificationUrl } from './model.ts';
import { newVerificationCode } from '../awards/index.ts';
import { signerTitle } from './document.ts';

describe('verification codes', () => {
  it('are 12 Crockford base32 characters, printed in groups of four', () => {
    const code = newVerificationCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/u);
    expect(formatCode('7KQ4M2XD9TPA')).toBe('7KQ4-M2XD-9TPA');
    expect(verificationUrl('https://thidua.gov.vn/', '7KQ4M2XD9TPA')).toBe('https://thidua.gov.vn/xac-minh/7KQ4-M2XD-9TPA');
  });

  it('are read back forgiving case, spaces, dashes and the letters people confuse with digits', () => {
    expect(normaliseCode(' 7kq4-m2xd 9tpa ')).toBe('7KQ4M2XD9TPA');
    expect(normaliseCode('7KQ4-M2XD-9TPO')).toBe('7KQ4M2XD9TP0');
    expect(normaliseCode('IL34-M2XD-9TPA')).toBe('1134M2XD9TPA');
    for (const bad of ['', 'abc', '7KQ4-M2XD-9TP', '7KQ4-M2XD-9TPAA', 'UUUU-UUUU-UUUU', '<script>']) expect(normaliseCode(bad)).toBeNull();
  });
});

describe('which awards have a certificate', () => {
  it('Bằng khen and Giấy khen, and the titles with a certificate of their own; not Lao động tiên tiến, flags or state orders', () => {
    expect(certificateKind('bang_khen_tinh')?.heading).toBe('BẰNG KHEN');
    expect(certificateKind('giay_khen')?.heading).toBe('GIẤY KHEN');
    expect(certificateKind('chien_si_thi_dua_co_so')).toEqual({ heading: 'GIẤY CHỨNG NHẬN', titleLine: 'Danh hiệu Chiến sĩ thi đua cơ sở' });
    for (const none of ['lao_dong_tien_tien', 'tap_the_lao_dong_tien_tien', 'co_thi_dua_tinh', 'huan_chuong_lao_dong_hang_ba', 'chien_si_thi_dua_toan_quoc']) {
      expect(certificateKind(none)).toBeNull();
    }
  });

  it('names the authority, the signer and the place as a certificate prints them', () => {
    expect(authorityLine('Chủ tịch UBND tỉnh Sơn La')).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA');
    expect(signerTitle('Chủ tịch UBND tỉnh Sơn La')).toBe('CHỦ TỊCH');
    expect(signerTitle('Phó Chủ tịch UBND tỉnh Sơn La')).toBe('PHÓ CHỦ TỊCH');
    expect(signerTitle('Thủ tướng Chính phủ')).toBe('THỦ TƯỚNG');
    expect(signerTitle('Giám đốc Sở Y tế')).toBe('GIÁM ĐỐC');
    expect(placeOf('Tỉnh Sơn La')).toBe('Sơn La');
  });
});
