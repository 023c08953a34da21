import http from 'node:http';
import type net from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { OidcConfig } from '../platform/config.ts';

/**
 * A real OpenID Connect provider (oidc-provider) on a free 127.0.0.1 port, for single sign-on tests:
 * one client registered for the app's callback, and the people it knows, by the login one types in
 * its (development) sign-in form, which is also their subject. Any password is accepted; consent is taken as given (a first-party
 * client), so signing in is: the provider's form, then back to the app.
 */
/** What the provider says about a person; their subject (`sub`) is the login they type in its form. */
export interface TestIdentity {
  email?: string;
  email_verified?: boolean;
  preferred_username?: string;
  name?: string;
}

export interface TestOidcProvider {
  readonly issuer: string;
  /** the people the provider knows, by login (= subject); change them between sign-ins (a new e-mail address …) */
  readonly identities: Map<string, TestIdentity>;
  /** the app's settings for this provider (what OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME say) */
  readonly config: OidcConfig;
  close(): Promise<void>;
}

export const TEST_OIDC_CLIENT = { clientId: 'thidua', clientSecret: 'bi-mat-cua-ung-dung-thidua-0123456789' };

export async function startOidcProvider(options: { redirectUris: string[]; name?: string }): Promise<TestOidcProvider> {
  let handler: http.RequestListener = (_req, res) => { res.statusCode = 503; res.end(); };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  const identities = new Map<string, TestIdentity>();

  const provider = new Provider(issuer, {
    clients: [{
      client_id: TEST_OIDC_CLIENT.clientId, client_secret: TEST_OIDC_CLIENT.clientSecret, redirect_uris: options.redirectUris,
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    findAccount: (_ctx, login) => (identities.has(login) ? { accountId: login, claims: () => ({ sub: login, ...identities.get(login) }) } : undefined),
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    // a first-party client: the grant is given without a consent screen
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, result, provider: self } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? session?.grantIdFor(client!.clientId);
      if (grantId) return self.Grant.find(grantId);
      const grant = new self.Grant({ accountId: session!.accountId!, clientId: client!.clientId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['khoa-cookie-cua-may-chu-dang-nhap-thu'] },
  });
  provider.on('server_error', (_ctx, error) => console.error('test provider:', error));
  handler = provider.callback();

  return {
    issuer, identities,
    config: { issuer, ...TEST_OIDC_CLIENT, scopes: 'openid email profile', name: options.name ?? 'Cổng đăng nhập thử' },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * A browser at the provider, without a browser: follows its redirects with a cookie jar, fills its
 * sign-in form with `login`, and returns the URL it finally sends the browser to (the app's callback),
 * without opening it.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const provider = new URL(authorizationUrl).origin;
  const jar = new Map<string, string>();
  const go = async (url: URL, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init, redirect: 'manual',
      headers: { ...(init.headers as Record<string, string> | undefined), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/iu.test(setCookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  let url = new URL(authorizationUrl);
  let response = await go(url);
  for (let step = 0; step < 20; step++) {
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location')!, url);
      if (next.origin !== provider) return next;
      url = next;
      response = await go(url);
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/u.exec(html)?.[1];
    if (response.status !== 200 || !action || !html.includes('name="login"')) {
      throw new Error(`the provider answered ${response.status} at ${url.href}:\n${html.slice(0, 2000)}`);
    }
    url = new URL(action.replaceAll('&amp;', '&'), url);
    response = await go(url, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'mat-khau-bat-ky' }).toString(),
    });
  }
  throw new Error('the provider never sent the browser back');
}
