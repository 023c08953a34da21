-- Sign-in throttling that slows guessing without letting a stranger lock a person out (issue 15.4).
-- Replaces the per-account lock (users.failed_logins, users.locked_until, now unused): failures are
-- counted per (username, client address), per client address, and per username with a much looser
-- ceiling; a username is counted whether or not an account has it, so the answers never tell which
-- exist. Like sessions, looked up before any tenant is known: keyed by the counter itself.
CREATE TABLE login_throttles (
  -- 'pair' (username + address), 'address', 'account' (username)
  scope            text NOT NULL CONSTRAINT login_throttles_scope_check CHECK (scope IN ('pair', 'address', 'account')),
  -- the lower-cased username, the address, or both joined by a space
  key              text NOT NULL,
  failures         integer NOT NULL,
  last_failure_at  timestamptz NOT NULL,
  -- the next attempt under this counter is refused before this instant
  blocked_until    timestamptz,
  PRIMARY KEY (scope, key)
);

-- Addresses from which an account has signed in with its password: while the account's loose
-- ceiling is reached (a guessing campaign from many addresses), only these still get in at once.
CREATE TABLE login_known_addresses (
  user_id          uuid NOT NULL REFERENCES users (id),
  address          text NOT NULL,
  last_success_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, address)
);
