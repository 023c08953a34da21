-- One-time links to set a password: a new administrator's first one ('setup') or a forgotten one
-- ('reset'). As for sessions, only the SHA-256 of the link's token is stored; a link works once, until it expires.
CREATE TABLE password_links (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id),
  purpose     text NOT NULL CONSTRAINT password_links_purpose_check CHECK (purpose IN ('setup', 'reset')),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

CREATE INDEX password_links_user ON password_links (user_id);

-- A tenant is a province, a ministry, a commune or another body that runs its own TĐKT work.
ALTER TABLE tenants DROP CONSTRAINT tenants_kind_check;

ALTER TABLE tenants ADD CONSTRAINT tenants_kind_check CHECK (kind IN ('province', 'ministry', 'commune', 'other'));
