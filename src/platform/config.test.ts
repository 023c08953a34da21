import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

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

describe('the demo province at first start', () => {
  it('loads with the embedded database, not into a PostgreSQL server unless DEMO_DATA=true says so', () => {
    expect(readConfig({}).loadDemoData).toBe(true);
    expect(readConfig({ DEMO_DATA: 'false' }).loadDemoData).toBe(false);
    expect(readConfig({ DATABASE_URL: 'postgres://thidua@db/thidua' }).loadDemoData).toBe(false);
    expect(readConfig({ DATABASE_URL: 'postgres://thidua@db/thidua', DEMO_DATA: 'true' }).loadDemoData).toBe(true);
  });
});

describe('the session cookie', () => {
  it('is Secure whenever the public address is https, or COOKIE_SECURE=true says so', () => {
    expect(readConfig({}).secureCookies).toBe(false);
    expect(readConfig({ PUBLIC_BASE_URL: 'https://thidua.sonla.gov.vn' }).secureCookies).toBe(true);
    expect(readConfig({ COOKIE_SECURE: 'true' }).secureCookies).toBe(true);
    expect(readConfig({ PUBLIC_BASE_URL: 'http://10.0.0.5:3000' }).secureCookies).toBe(false);
  });
});
