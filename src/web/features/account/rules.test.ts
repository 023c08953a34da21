import { describe, expect, it } from 'vitest';
import { looksLikeEmail, newPasswordProblem } from './rules.ts';

describe('checks before the server is asked', () => {
  it('takes an ordinary office address and refuses what no mail server would', () => {
    expect(looksLikeEmail('canbo.sgd@sonla.gov.vn')).toBe(true);
    for (const bad of ['canbo', 'canbo@', '@sonla.gov.vn', 'can bo@sonla.gov.vn', 'canbo@sonla']) expect(looksLikeEmail(bad), bad).toBe(false);
  });

  it('says a new password is too short before saying the repetition differs', () => {
    expect(newPasswordProblem('ngan', 'khac')).toBe('tooShort');
    expect(newPasswordProblem('Mat-khau-moi-2026', 'Mat-khau-moi-2025')).toBe('mismatch');
    expect(newPasswordProblem('Mat-khau-moi-2026', 'Mat-khau-moi-2026')).toBeNull();
  });
});
