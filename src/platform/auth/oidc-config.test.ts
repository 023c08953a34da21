import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';

const SSO = { OIDC_ISSUER: 'https://sso.sonha.gov.vn/realms/canbo', OIDC_CLIENT_ID: 'thidua', OIDC_CLIENT_SECRET: 'bi-mat-sso' };

describe('single sign-on settings from the environment', () => {
  it('is off unless the provider is named', () => {
    expect(readConfig({}).oidc).toBeUndefined();
  });

  it('takes the three settings together, with the usual scopes and the default name', () => {
    expect(readConfig(SSO).oidc).toEqual({
      issuer: SSO.OIDC_ISSUER, clientId: 'thidua', clientSecret: 'bi-mat-sso', scopes: 'openid email profile', name: 'tài khoản dùng chung (SSO)',
    });
    expect(readConfig({ ...SSO, OIDC_SCOPES: 'email profile phone', OIDC_NAME: 'VNeID' }).oidc)
      .toMatchObject({ scopes: 'openid email profile phone', name: 'VNeID' });
  });

  it('names what is missing or wrong at start-up, never printing the secret', () => {
    const messages: string[] = [];
    for (const env of [
      { OIDC_ISSUER: SSO.OIDC_ISSUER, OIDC_CLIENT_SECRET: 'bi-mat-sso' },
      { OIDC_CLIENT_ID: 'thidua', OIDC_CLIENT_SECRET: 'bi-mat-sso' },
      { ...SSO, OIDC_ISSUER: 'sso.sonha.gov.vn' },
      { ...SSO, OIDC_ISSUER: 'http://sso.sonha.gov.vn' },
    ]) {
      try { readConfig(env); } catch (error) { messages.push((error as Error).message); }
    }
    expect(messages).toEqual([
      expect.stringMatching(/OIDC_CLIENT_ID is missing$/u), expect.stringMatching(/OIDC_ISSUER is missing$/u),
      expect.stringContaining('OIDC_ISSUER is not a URL'), expect.stringContaining('OIDC_ISSUER must start with https://'),
    ]);
    for (const message of messages) expect(message).not.toContain('bi-mat-sso');
    expect(readConfig({ ...SSO, OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc?.issuer).toBe('http://127.0.0.1:4000');
  });
});
