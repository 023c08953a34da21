-- Residents, households and reorganisation of units (issue 14.2).
--
-- A resident (farmer, student, citizen) belongs to a commune by residence, not by employment. A
-- residence is a period, like an employment: people move, and communes merge (a merge moves the
-- residences in force to the successor). Kept apart from employments so an employment keeps meaning
-- "the unit that manages this person's staffing and nominates them" (Law 2022), while a person of the
-- commune may be both employed somewhere and resident in a commune. The village (thôn, ấp, bản, tổ dân
-- phố) is written as the commune writes it: villages are not units of the tree.
CREATE TABLE residences (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL,
  person_id        uuid NOT NULL,
  -- the commune (xã, phường, đặc khu) of residence
  organisation_id  uuid NOT NULL,
  village          text NOT NULL DEFAULT '',
  address          text NOT NULL DEFAULT '',
  valid_from       date NOT NULL,
  valid_to         date,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX residences_person ON residences (tenant_id, person_id, valid_from);
CREATE INDEX residences_organisation ON residences (tenant_id, organisation_id, valid_from);

-- Households (hộ gia đình) become records the commune keeps: a code the import names them by, the
-- village, the head (a person of the tenant; head_name stays, copied from the head, for nominations),
-- the day the household was closed (moved away, merged into another), and a version for concurrent edits.
ALTER TABLE households ADD COLUMN code text;
ALTER TABLE households ADD COLUMN village text NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN head_person_id uuid;
ALTER TABLE households ADD COLUMN closed_on date;
ALTER TABLE households ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE households ADD CONSTRAINT households_head FOREIGN KEY (tenant_id, head_person_id) REFERENCES people (tenant_id, id);
CREATE UNIQUE INDEX households_code ON households (tenant_id, code) WHERE code IS NOT NULL;
CREATE INDEX households_name_fold ON households USING gin (name_fold gin_trgm_ops);

-- The members of a household, the head among them; relation as written ("vợ", "con", "mẹ").
CREATE TABLE household_members (
  tenant_id        uuid NOT NULL,
  household_id     uuid NOT NULL,
  person_id        uuid NOT NULL,
  relation         text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, household_id, person_id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES households (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id)
);
CREATE INDEX household_members_person ON household_members (tenant_id, person_id);

-- Optimistic concurrency for units: a merge or split names the version of each unit it read, and is
-- refused when someone changed one of them meanwhile.
ALTER TABLE organisations ADD COLUMN version integer NOT NULL DEFAULT 0;
