-- Foundation: tenants, the organisation tree, people, accounts, sessions, audit, outbox.
-- Conventions (docs/ARCHITECTURE.md): every large table is keyed (tenant_id, id) so Citus can
-- distribute it by tenant_id; ids are UUIDv7 made by the app; no triggers; the organisation tree is a
-- materialized path in COLLATE "C"; folded names and sort keys are computed in TypeScript.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A tenant is one province or one ministry: the unit of data distribution.
CREATE TABLE tenants (
  id          uuid PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('province', 'ministry')),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisations (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  parent_id        uuid,
  -- '/<id>/<id>/…/' from the root of the tenant down to this organisation, inclusive.
  path             text COLLATE "C" NOT NULL,
  depth            integer NOT NULL,
  name             text NOT NULL,
  short_name       text,
  name_fold        text NOT NULL,
  sort_key         text COLLATE "C" NOT NULL,
  kind             text NOT NULL,
  level            text NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune')),
  -- Decision 19/2025/QĐ-TTg administrative code (2 digits province, 5 digits commune)
  admin_code       text,
  -- QCVN 102:2016 agency identifier, e.g. 000.00.00.H41
  agency_code      text,
  valid_from       date NOT NULL,
  valid_to         date,
  successor_id     uuid,
  -- the organisation that does this one's daily TĐKT work (Ban Thi đua – Khen thưởng, Phòng Nội vụ…)
  standing_agency_id uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, successor_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, standing_agency_id) REFERENCES organisations (tenant_id, id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX organisations_path ON organisations (tenant_id, path);
CREATE INDEX organisations_parent ON organisations (tenant_id, parent_id);
CREATE INDEX organisations_successor ON organisations (tenant_id, successor_id);
CREATE UNIQUE INDEX organisations_admin_code ON organisations (tenant_id, admin_code) WHERE admin_code IS NOT NULL;
CREATE UNIQUE INDEX organisations_agency_code ON organisations (tenant_id, agency_code) WHERE agency_code IS NOT NULL;
CREATE INDEX organisations_name_fold ON organisations USING gin (name_fold gin_trgm_ops);

-- Emulation clusters (cụm, by area) and blocks (khối, by sector), organised by one organisation.
CREATE TABLE clusters (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  organiser_id     uuid NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('cluster', 'block')),
  name             text NOT NULL,
  name_fold        text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organiser_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX clusters_organiser ON clusters (tenant_id, organiser_id);

CREATE TABLE cluster_members (
  tenant_id        uuid NOT NULL,
  cluster_id       uuid NOT NULL,
  year             integer NOT NULL,
  organisation_id  uuid NOT NULL,
  role             text NOT NULL DEFAULT 'member' CHECK (role IN ('head', 'deputy', 'member')),
  PRIMARY KEY (tenant_id, cluster_id, year, organisation_id),
  FOREIGN KEY (tenant_id, cluster_id) REFERENCES clusters (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX cluster_members_organisation ON cluster_members (tenant_id, organisation_id, year);

-- People: officials, public employees, workers, soldiers, citizens.
CREATE TABLE people (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  family_name      text NOT NULL,
  middle_name      text NOT NULL DEFAULT '',
  given_name       text NOT NULL,
  full_name        text NOT NULL,
  name_fold        text NOT NULL,
  sort_key         text COLLATE "C" NOT NULL,
  gender           text NOT NULL CHECK (gender IN ('male', 'female')),
  birth_year       integer CHECK (birth_year BETWEEN 1900 AND 2100),
  ethnicity        text NOT NULL DEFAULT 'Kinh',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX people_name_fold ON people USING gin (name_fold gin_trgm_ops);
CREATE INDEX people_sort_key ON people (tenant_id, sort_key);

-- Employment history: the organisation that employs a person on a date nominates them.
CREATE TABLE employments (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL,
  person_id        uuid NOT NULL,
  organisation_id  uuid NOT NULL,
  position         text NOT NULL,
  is_leader        boolean NOT NULL DEFAULT false,
  start_date       date NOT NULL,
  end_date         date,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX employments_person ON employments (tenant_id, person_id, start_date);
CREATE INDEX employments_organisation ON employments (tenant_id, organisation_id, start_date);

-- Households take part in campaigns (Cao Bằng) and can be nominated.
CREATE TABLE households (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  organisation_id  uuid NOT NULL,
  head_name        text NOT NULL,
  name_fold        text NOT NULL,
  address          text NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX households_organisation ON households (tenant_id, organisation_id);

-- The TĐKT council of an organisation, and its members with roles.
CREATE TABLE councils (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL,
  organisation_id  uuid NOT NULL,
  name             text NOT NULL,
  established_by   text NOT NULL DEFAULT '',
  valid_from       date NOT NULL,
  valid_to         date,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX councils_organisation ON councils (tenant_id, organisation_id);

CREATE TABLE council_members (
  tenant_id        uuid NOT NULL,
  council_id       uuid NOT NULL,
  person_id        uuid NOT NULL,
  role             text NOT NULL CHECK (role IN ('chair', 'vice_chair', 'standing_member', 'member', 'secretary')),
  title            text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, council_id, person_id),
  FOREIGN KEY (tenant_id, council_id) REFERENCES councils (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id)
);

-- Who follows each cluster for the council, per year.
CREATE TABLE cluster_followers (
  tenant_id        uuid NOT NULL,
  cluster_id       uuid NOT NULL,
  year             integer NOT NULL,
  person_id        uuid NOT NULL,
  PRIMARY KEY (tenant_id, cluster_id, year),
  FOREIGN KEY (tenant_id, cluster_id) REFERENCES clusters (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id)
);

-- Accounts sign in before any tenant is known, so they are keyed by id alone; each belongs to a
-- home tenant, and every role it holds is a tenant-scoped grant below.
CREATE TABLE users (
  id               uuid PRIMARY KEY,
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  username         text NOT NULL UNIQUE,
  display_name     text NOT NULL,
  password_hash    text NOT NULL,
  person_id        uuid,
  locale           text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  disabled         boolean NOT NULL DEFAULT false,
  failed_logins    integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id)
);

CREATE TABLE role_grants (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL,
  user_id          uuid NOT NULL REFERENCES users (id),
  role             text NOT NULL CHECK (role IN ('system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member', 'individual')),
  organisation_id  uuid NOT NULL,
  granted_by       uuid REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  revoked_at       timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX role_grants_user ON role_grants (user_id) WHERE revoked_at IS NULL;

-- Server-side sessions: only the SHA-256 of the cookie token is stored.
CREATE TABLE sessions (
  token_hash       text PRIMARY KEY,
  user_id          uuid NOT NULL REFERENCES users (id),
  csrf_token       text NOT NULL,
  created_at       timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Append-only audit log, written by the app in the same transaction as the change.
CREATE TABLE audit_log (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL,
  at               timestamptz NOT NULL,
  actor_user_id    uuid,
  action           text NOT NULL,
  entity_type      text NOT NULL,
  entity_id        uuid,
  -- path of the organisation the entity belongs to, so the log can be scoped to a subtree
  organisation_path text COLLATE "C" NOT NULL,
  changes          jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id       text,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_path ON audit_log (tenant_id, organisation_path, id);
CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity_id);

-- Transactional outbox: events for jobs and other services, written beside the change.
CREATE TABLE outbox (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL,
  topic            text NOT NULL,
  payload          jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  published_at     timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL;
