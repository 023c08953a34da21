-- Cluster and block scoring (chấm điểm thi đua cụm, khối): each year a cluster scores its members against
-- criteria on one score sheet, ranks them, and proposes the leading ones for the province's flag and
-- Bằng khen through a nomination batch (the batches' ids are kept on the sheet).

CREATE TABLE cluster_sheets (
  tenant_id          uuid NOT NULL REFERENCES tenants (id),
  id                 uuid NOT NULL,
  cluster_id         uuid NOT NULL,
  year               integer NOT NULL CHECK (year BETWEEN 1945 AND 2100),
  title              text NOT NULL,
  status             text NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'ranked', 'proposed')),
  -- how many of the leading members are proposed for the flag, and how many after them for Bằng khen
  flag_count         integer NOT NULL DEFAULT 1 CHECK (flag_count BETWEEN 0 AND 50),
  bang_khen_count    integer NOT NULL DEFAULT 2 CHECK (bang_khen_count BETWEEN 0 AND 50),
  flag_batch_id      uuid,
  bang_khen_batch_id uuid,
  created_by         uuid,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, cluster_id, year),
  FOREIGN KEY (tenant_id, cluster_id) REFERENCES clusters (tenant_id, id),
  FOREIGN KEY (tenant_id, flag_batch_id) REFERENCES nomination_batches (tenant_id, id),
  FOREIGN KEY (tenant_id, bang_khen_batch_id) REFERENCES nomination_batches (tenant_id, id)
);

-- A row of the sheet: a criterion scored out of its maximum, a bonus item, or a penalty item (points
-- deducted, entered as a positive number); an optional heading groups rows as printed sheets do.
CREATE TABLE cluster_criteria (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL,
  sheet_id       uuid NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('criterion', 'bonus', 'penalty')),
  heading        text NOT NULL DEFAULT '',
  title          text NOT NULL,
  max_points     numeric(7, 2) NOT NULL CHECK (max_points > 0),
  position       integer NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, sheet_id) REFERENCES cluster_sheets (tenant_id, id)
);
CREATE INDEX cluster_criteria_sheet ON cluster_criteria (tenant_id, sheet_id, position);

-- A member's points on one row: its own (with the evidence it cites) and, once the head or the following
-- council member has changed them, the adjusted points that count.
CREATE TABLE cluster_scores (
  tenant_id        uuid NOT NULL,
  sheet_id         uuid NOT NULL,
  criterion_id     uuid NOT NULL,
  organisation_id  uuid NOT NULL,
  self_points      numeric(7, 2) CHECK (self_points >= 0),
  evidence         text NOT NULL DEFAULT '',
  evidence_link    text NOT NULL DEFAULT '',
  adjusted_points  numeric(7, 2) CHECK (adjusted_points >= 0),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, sheet_id, organisation_id, criterion_id),
  FOREIGN KEY (tenant_id, sheet_id) REFERENCES cluster_sheets (tenant_id, id),
  FOREIGN KEY (tenant_id, criterion_id) REFERENCES cluster_criteria (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);

-- A member's place in the sheet: when it submitted its self-assessment, and, where it stayed tied with
-- others after every stated tie-break, the place the cluster's vote gave it (with the minutes cited).
CREATE TABLE cluster_sheet_entries (
  tenant_id        uuid NOT NULL,
  sheet_id         uuid NOT NULL,
  organisation_id  uuid NOT NULL,
  submitted_at     timestamptz,
  submitted_by     uuid,
  vote_place       integer CHECK (vote_place >= 1),
  vote_note        text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, sheet_id, organisation_id),
  FOREIGN KEY (tenant_id, sheet_id) REFERENCES cluster_sheets (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);

-- Every change of a member's points by the head or the follower: who, when, from, to, why.
CREATE TABLE cluster_adjustments (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL,
  sheet_id         uuid NOT NULL,
  criterion_id     uuid NOT NULL,
  organisation_id  uuid NOT NULL,
  from_points      numeric(7, 2),
  to_points        numeric(7, 2) NOT NULL,
  reason           text NOT NULL CHECK (length(reason) > 0),
  actor_user_id    uuid NOT NULL,
  actor_capacity   text NOT NULL CHECK (actor_capacity IN ('head', 'follower')),
  at               timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, sheet_id) REFERENCES cluster_sheets (tenant_id, id),
  FOREIGN KEY (tenant_id, criterion_id) REFERENCES cluster_criteria (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX cluster_adjustments_sheet ON cluster_adjustments (tenant_id, sheet_id, at);

-- "The clusters I follow": the council member's side of cluster_followers.
CREATE INDEX cluster_followers_person ON cluster_followers (tenant_id, person_id, year);
