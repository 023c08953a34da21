-- Single sign-on with the province's OpenID Connect provider. An account remembers the provider's
-- subject identifier (`sub`, stable at one issuer, unlike an e-mail or a username) the first time it
-- is matched, and is found by it afterwards. A subject belongs to at most one account per issuer.
ALTER TABLE users ADD COLUMN oidc_issuer text;

ALTER TABLE users ADD COLUMN oidc_subject text;

ALTER TABLE users ADD CONSTRAINT users_oidc_pair_check CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));

CREATE UNIQUE INDEX users_oidc_subject ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- The first sign-in of an identity looks the account up by its e-mail address, case-insensitively.
CREATE INDEX users_email_lower ON users (lower(email)) WHERE email IS NOT NULL;

-- A sign-in under way at the provider: the state, nonce and PKCE code verifier the callback must match.
-- Kept here, not in the browser: the browser holds only a random token (an httpOnly cookie) whose
-- SHA-256 is the key, so a callback is bound to the browser that started it, and a row is deleted when
-- it is used, so a replayed callback finds nothing. Rows live ten minutes; looked up before any tenant
-- is known, like sessions.
CREATE TABLE oidc_logins (
  token_hash     text PRIMARY KEY,
  state          text NOT NULL,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  return_to      text,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL
);

CREATE INDEX oidc_logins_expires ON oidc_logins (expires_at);
