-- Public consultation on nominees (lấy ý kiến nhân dân; docs/legal/procedure.md#public-consultation): the receiving
-- level's standing agency publishes a list of accepted candidates on a channel for a number of working
-- days; anyone may comment; each comment is moderated (published or hidden) and its handling recorded.
-- The decision on a candidate whose award needs consultation waits until the list has ended and is closed.

CREATE TABLE consultations (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  -- the receiving level whose standing agency publishes the list and moderates the comments
  organisation_id  uuid NOT NULL,
  award_form       text NOT NULL REFERENCES award_forms (code),
  title            text NOT NULL,
  -- where the list is published, as the notice says it ("Cổng thông tin điện tử tỉnh")
  channel          text NOT NULL,
  starts_on        date NOT NULL,
  working_days     integer NOT NULL CHECK (working_days BETWEEN 1 AND 60),
  -- the last day comments are taken (computed from the working days, or set later by the officer)
  ends_on          date NOT NULL CHECK (ends_on >= starts_on),
  status           text NOT NULL CHECK (status IN ('published', 'closed')),
  -- salt of the comment senders' address hashes: comparable within one list, never across lists
  ip_salt          text NOT NULL,
  closed_at        timestamptz,
  closed_by        uuid,
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX consultations_organisation ON consultations (tenant_id, organisation_id, created_at);
CREATE INDEX consultations_open ON consultations (status, starts_on, ends_on);
-- the public page knows only the id (no tenant is known before sign-in)
CREATE INDEX consultations_id ON consultations (id);

-- The candidates on the list, with what the public sees of them, as they stood when the list was published.
CREATE TABLE consultation_candidates (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  consultation_id  uuid NOT NULL,
  candidate_id     uuid NOT NULL,
  -- the row number on the published list: the public refers to a candidate by it, never by an id
  no               integer NOT NULL CHECK (no >= 1),
  name             text NOT NULL,
  position         text NOT NULL DEFAULT '',
  unit_name        text NOT NULL DEFAULT '',
  award_name       text NOT NULL,
  PRIMARY KEY (tenant_id, consultation_id, candidate_id),
  UNIQUE (tenant_id, consultation_id, no),
  FOREIGN KEY (tenant_id, consultation_id) REFERENCES consultations (tenant_id, id),
  FOREIGN KEY (tenant_id, candidate_id) REFERENCES nomination_candidates (tenant_id, id)
);
CREATE INDEX consultation_candidates_candidate ON consultation_candidates (tenant_id, candidate_id);

-- Comments from the public, on one candidate or the whole list. The contact is for the standing agency
-- only; the address is kept as a salted hash (for rate limiting and abuse review), never raw.
CREATE TABLE consultation_comments (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  consultation_id  uuid NOT NULL,
  candidate_id     uuid,
  author_name      text NOT NULL DEFAULT '',
  contact          text NOT NULL DEFAULT '',
  body             text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'published', 'hidden')),
  handling_note    text NOT NULL DEFAULT '',
  handled_by       uuid,
  handled_at       timestamptz,
  ip_hash          text NOT NULL,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, consultation_id) REFERENCES consultations (tenant_id, id),
  FOREIGN KEY (tenant_id, consultation_id, candidate_id) REFERENCES consultation_candidates (tenant_id, consultation_id, candidate_id)
);
CREATE INDEX consultation_comments_list ON consultation_comments (tenant_id, consultation_id, status, created_at);
CREATE INDEX consultation_comments_sender ON consultation_comments (tenant_id, consultation_id, ip_hash);
