import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rule.ts';

const account = { username: 'nguyen.van.an', displayName: 'Nguyễn Văn An', email: 'an.nv@sonha.gov.vn', tenantName: 'Tỉnh Sơn Hà' };

describe('the password rule', () => {
  it('refuses common and guessable passwords, each with its reason', () => {
    expect(passwordProblem('ngan', account)).toBe('password.too_short');
    expect(passwordProblem('aaaaaaaaaa', account)).toBe('password.repeated');
    expect(passwordProblem('password12', account)).toBe('password.common');
    expect(passwordProblem('matkhau123', account)).toBe('password.common');
    expect(passwordProblem('Mậtkhẩu2024', account)).not.toBeNull();
    expect(passwordProblem('1234567890', account)).not.toBeNull();
    expect(passwordProblem('1qaz2wsx3edc', account)).not.toBeNull();
    expect(passwordProblem('qwertyuiop', account)).not.toBeNull();
  });

  it('refuses what the account is known by: the username repeated, the name, the e-mail, the tenant\'s name', () => {
    expect(passwordProblem('nguyen.van.annguyen.van.an', account)).toBe('password.personal');
    expect(passwordProblem('NguyenVanAn1990', account)).not.toBeNull();
    expect(passwordProblem('an.nv@sonha.gov.vn', account)).toBe('password.personal');
    expect(passwordProblem('tinhsonha2026', account)).not.toBeNull();
    // the same words are fine for someone the words do not name
    expect(passwordProblem('nguyen.van.annguyen.van.an', { username: 'tran.thi.binh' })).not.toBe('password.personal');
  });

  it('accepts a long phrase of unrelated words', () => {
    expect(passwordProblem('Hoa-sen-no-giua-dong-2026', account)).toBeNull();
    expect(passwordProblem('Đổi-mật-khẩu-mới-9', account)).toBeNull();
    expect(passwordProblem('correct horse battery staple', account)).toBeNull();
  });
});
