-- Typical advanced examples (điển hình tiên tiến) and good deeds (người tốt, việc tốt). The Kon Tum
-- office-culture plan (§2.3) and the Quảng Ngãi council plan (§3) ask every unit to discover, nurture,
-- summarise and replicate them ("đồng bộ cả 4 khâu: Phát hiện - bồi dưỡng - tổng kết - nhân điển hình")
-- and to feature them on its portal. A record names its subject (a person in the system, an organisation as a collective, or a citizen who is not in it), the unit
-- that found it, its story and photos, and the step it has reached; publishing puts it on the public
-- honour board (/guong-dien-hinh), unpublishing takes it off.

CREATE TABLE examples (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('typical_example', 'good_deed')),
  -- the unit that found it: the officers reaching this unit keep the record and its head publishes it
  organisation_id  uuid NOT NULL,
  subject_kind     text NOT NULL CHECK (subject_kind IN ('person', 'collective', 'citizen')),
  person_id        uuid,
  subject_organisation_id uuid,
  -- the subject's name as shown: the person's or collective's name when saved, or the citizen's as typed
  subject_name     text NOT NULL CHECK (length(subject_name) > 0),
  -- a line under the name: a position, a village, a school class
  subject_detail   text NOT NULL DEFAULT '',
  title            text NOT NULL,
  -- plain text, shown as text everywhere (never as HTML)
  story            text NOT NULL,
  movement_id      uuid,
  stage            text NOT NULL CHECK (stage IN ('discover', 'nurture', 'summarise', 'replicate')),
  -- folded title, subject and story (platform/vn/fold.ts), for the staff list's search
  search_fold      text NOT NULL,
  published_at     timestamptz,
  published_by     uuid,
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
  FOREIGN KEY (tenant_id, subject_organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, movement_id) REFERENCES movements (tenant_id, id),
  CHECK ((subject_kind = 'person') = (person_id IS NOT NULL)),
  CHECK ((subject_kind = 'collective') = (subject_organisation_id IS NOT NULL))
);
-- the staff list: a unit's examples, newest first (the subtree comes from organisations_path)
CREATE INDEX examples_organisation ON examples (tenant_id, organisation_id, created_at DESC);
CREATE INDEX examples_search ON examples USING gin (search_fold gin_trgm_ops);
CREATE INDEX examples_movement ON examples (tenant_id, movement_id) WHERE movement_id IS NOT NULL;
-- the public board, newest first: within a tenant (a unit's board), and across tenants (the index page)
CREATE INDEX examples_published ON examples (tenant_id, published_at DESC, id DESC) WHERE published_at IS NOT NULL;
CREATE INDEX examples_published_all ON examples (published_at DESC, id DESC) WHERE published_at IS NOT NULL;
-- the public detail and photo routes know only the example's id (no tenant is known before sign-in)
CREATE INDEX examples_id ON examples (id);
-- the public board's unit filter knows only the organisation's id, for the same reason
CREATE INDEX organisations_id ON organisations (id);

-- Each change of step, with who made it, when and why: the history the detail page shows.
CREATE TABLE example_stage_events (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  example_id       uuid NOT NULL,
  -- null for the record's first step, when it was created
  from_stage       text,
  to_stage         text NOT NULL,
  note             text NOT NULL DEFAULT '',
  actor_user_id    uuid,
  at               timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, example_id) REFERENCES examples (tenant_id, id)
);
CREATE INDEX example_stage_events_example ON example_stage_events (tenant_id, example_id, at);

-- Photos (JPEG or PNG, checked by their bytes), stored once per content through the file store.
CREATE TABLE example_photos (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  example_id       uuid NOT NULL,
  sha256           char(64) NOT NULL,
  caption          text NOT NULL DEFAULT '',
  -- display order; the first is the card's cover
  position         integer NOT NULL,
  uploaded_by      uuid,
  uploaded_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, example_id) REFERENCES examples (tenant_id, id),
  FOREIGN KEY (tenant_id, sha256) REFERENCES files (tenant_id, sha256)
);
CREATE INDEX example_photos_example ON example_photos (tenant_id, example_id, position);
