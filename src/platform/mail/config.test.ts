import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';

describe('e-mail settings from the environment', () => {
  it('sends no e-mail unless SMTP_URL is set', () => {
    expect(readConfig({}).mail).toBeUndefined();
  });

  it('takes SMTP_URL and MAIL_FROM together', () => {
    expect(readConfig({ SMTP_URL: 'smtp://thidua:bi-mat@mail.sonha.gov.vn:587', MAIL_FROM: 'Ban TĐKT <thidua@sonha.gov.vn>' }).mail)
      .toEqual({ smtpUrl: 'smtp://thidua:bi-mat@mail.sonha.gov.vn:587', from: 'Ban TĐKT <thidua@sonha.gov.vn>' });
  });

  it('refuses a bad SMTP_URL or a missing MAIL_FROM, never printing the password', () => {
    const messages: string[] = [];
    for (const env of [
      { SMTP_URL: 'smtp://thidua:bi-mat@[mail.sonha.gov.vn', MAIL_FROM: 'a@b.vn' },
      { SMTP_URL: 'http://thidua:bi-mat@mail.sonha.gov.vn', MAIL_FROM: 'a@b.vn' },
      { SMTP_URL: 'smtp://thidua:bi-mat@mail.sonha.gov.vn:587' },
    ]) {
      expect(() => readConfig(env)).toThrow();
      try { readConfig(env); } catch (error) { messages.push((error as Error).message); }
    }
    expect(messages).toEqual([
      expect.stringContaining('SMTP_URL is not a URL'), expect.stringContaining('must start with smtp://'), expect.stringContaining('MAIL_FROM is missing'),
    ]);
    for (const message of messages) expect(message).not.toContain('bi-mat');
  });
});
