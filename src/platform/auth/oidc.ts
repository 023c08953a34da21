import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';

/**
 * The OpenID Connect relying party, over openid-client v6: the authorization code flow with PKCE
 * (S256), state and nonce. Nothing here knows about accounts; `accounts/sso.ts` decides who an identity is.
 */

/** The checks one sign-in must pass at the callback, made when it starts and kept server-side (oidc_logins). */
export interface OidcChecks { state: string; nonce: string; codeVerifier: string }

/** What the provider says about the person, from the ID token and the userinfo endpoint. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** false only when the provider says so; many government providers do not send the claim */
  emailVerified: boolean;
  preferredUsername: string | null;
  name: string | null;
}

/** The provider refused or failed (an error at its end, a bad token): the user is told to try again. */
export class OidcProviderError extends Error {
  override name = 'OidcProviderError';
}

export interface OidcRelyingParty {
  readonly issuer: string;
  /** A fresh state, nonce and code verifier, and the provider's URL to send the browser to. */
  start(): Promise<{ url: URL; checks: OidcChecks }>;
  /** The callback's full URL (code and state in its query) → the identity, after every check. */
  finish(callbackUrl: URL, checks: OidcChecks): Promise<OidcIdentity>;
}

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

export function oidcRelyingParty(config: OidcConfig, redirectUri: string): OidcRelyingParty {
  const issuerUrl = new URL(config.issuer);
  // discovered once, on first use (the server starts even when the provider is down); a failure is retried next time
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    discovered ??= client.discovery(issuerUrl, config.clientId, { redirect_uris: [redirectUri] }, client.ClientSecretPost(config.clientSecret), {
      // config.ts accepts plain http only for a provider on this machine (the tests')
      ...(isLoopback(issuerUrl) && issuerUrl.protocol === 'http:' && { execute: [client.allowInsecureRequests] }),
    }).catch((error: unknown) => {
      discovered = null;
      throw new OidcProviderError(`discovery failed: ${(error as Error).message}`);
    });
    return discovered;
  };

  return {
    issuer: config.issuer,

    async start() {
      const server = await configuration();
      const checks: OidcChecks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(server, {
        redirect_uri: redirectUri, scope: config.scopes, response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier), code_challenge_method: 'S256',
        state: checks.state, nonce: checks.nonce,
      });
      return { url, checks };
    },

    async finish(callbackUrl, checks) {
      const server = await configuration();
      try {
        const tokens = await client.authorizationCodeGrant(server, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true,
        });
        const idToken = tokens.claims()!;
        // providers that follow the spec strictly put e-mail and profile claims only in userinfo
        const userinfo = server.serverMetadata().userinfo_endpoint
          ? await client.fetchUserInfo(server, tokens.access_token, idToken.sub)
          : {};
        const claims: Record<string, unknown> = { ...idToken, ...userinfo, sub: idToken.sub };
        const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
        return {
          issuer: server.serverMetadata().issuer, subject: idToken.sub,
          email: text(claims.email), emailVerified: claims.email_verified !== false,
          preferredUsername: text(claims.preferred_username), name: text(claims.name),
        };
      } catch (error) {
        throw new OidcProviderError((error as Error).message);
      }
    },
  };
}
