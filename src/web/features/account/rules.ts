// The browser's own checks before asking the server, which has the last word (zod's z.email, user.weak_password).

/** The server refuses shorter passwords (user.weak_password, MIN_PASSWORD_LENGTH in platform/auth/passwords.ts). */
export const MIN_PASSWORD_LENGTH = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeEmail(value: string): boolean {
  return EMAIL.test(value);
}

/** What is wrong with a new password typed twice: too short first, then the two not matching. */
export function newPasswordProblem(password: string, repeat: string): 'tooShort' | 'mismatch' | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password !== repeat) return 'mismatch';
  return null;
}
