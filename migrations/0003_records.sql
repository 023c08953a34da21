-- Records and eligibility: each person's and collective's annual ratings, titles and awards,
-- initiatives and disciplinary measures (large tables, keyed by tenant), and the catalogue the
-- eligibility engine reads (reference tables): legal bases with their periods, one rule per title or
-- award form, recipient kind and legal basis, money coefficients, and the dated statutory base salary.

-- Codes an import file names people and units by: an HR code (mã cán bộ) and a unit code (mã đơn vị).
ALTER TABLE people ADD COLUMN code text;
CREATE UNIQUE INDEX people_code ON people (tenant_id, code) WHERE code IS NOT NULL;
ALTER TABLE organisations ADD COLUMN code text;
CREATE UNIQUE INDEX organisations_code ON organisations (tenant_id, code) WHERE code IS NOT NULL;

-- Every record belongs to exactly one subject: a person, or an organisation as a collective.
-- The source (decision or document number, date, issuing body) is how an officer checks it on paper.
CREATE TABLE annual_ratings (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  person_id        uuid,
  organisation_id  uuid,
  year             integer NOT NULL CHECK (year BETWEEN 1945 AND 2100),
  rating           text NOT NULL CHECK (rating IN ('excellent', 'good', 'completed', 'not_completed')),
  source_number    text NOT NULL DEFAULT '',
  source_date      date,
  source_issuer    text NOT NULL DEFAULT '',
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
-- one rating per subject and year; also the index every rating rule reads
CREATE UNIQUE INDEX annual_ratings_person ON annual_ratings (tenant_id, person_id, year) INCLUDE (rating) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX annual_ratings_collective ON annual_ratings (tenant_id, organisation_id, year) INCLUDE (rating) WHERE organisation_id IS NOT NULL;
CREATE INDEX annual_ratings_year ON annual_ratings (tenant_id, year, rating);

-- Titles (danh hiệu) and awards (hình thức khen thưởng) conferred, one row per recipient and decision.
CREATE TABLE awards (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  person_id        uuid,
  organisation_id  uuid,
  award_form       text NOT NULL REFERENCES award_forms (code),
  -- the year the achievement is for (the title's year); the decision may come early the next year
  year             integer NOT NULL CHECK (year BETWEEN 1945 AND 2100),
  -- công trạng (sustained merit), theo đợt/chuyên đề, đột xuất, cống hiến: only merit counts toward higher merit awards
  basis            text NOT NULL DEFAULT 'merit' CHECK (basis IN ('merit', 'thematic', 'one_off', 'long_service')),
  movement_id      uuid,
  reason           text NOT NULL DEFAULT '',
  decision_number  text NOT NULL DEFAULT '',
  decided_on       date,
  decided_by       text NOT NULL DEFAULT '',
  -- an award annulled by a later decision leaves the active record but is never deleted
  revoked_on       date,
  revocation_number text,
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, movement_id) REFERENCES movements (tenant_id, id),
  CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
CREATE UNIQUE INDEX awards_person ON awards (tenant_id, person_id, award_form, year, decision_number) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX awards_collective ON awards (tenant_id, organisation_id, award_form, year, decision_number) WHERE organisation_id IS NOT NULL;
CREATE INDEX awards_form_year ON awards (tenant_id, award_form, year);
CREATE INDEX awards_decision ON awards (tenant_id, decision_number);

-- Initiatives (sáng kiến) and scientific works, at the level where they were recognised.
CREATE TABLE initiatives (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  person_id        uuid,
  organisation_id  uuid,
  kind             text NOT NULL DEFAULT 'initiative' CHECK (kind IN ('initiative', 'scientific_work')),
  title            text NOT NULL,
  title_fold       text NOT NULL,
  level            text NOT NULL CHECK (level IN ('base', 'province', 'national')),
  -- the year it counts for (an initiative recognised in January may count for the year before)
  year             integer NOT NULL CHECK (year BETWEEN 1945 AND 2100),
  recognised_on    date,
  effect           text NOT NULL DEFAULT '',
  source_number    text NOT NULL DEFAULT '',
  source_date      date,
  source_issuer    text NOT NULL DEFAULT '',
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
CREATE UNIQUE INDEX initiatives_person ON initiatives (tenant_id, person_id, title_fold, level) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX initiatives_collective ON initiatives (tenant_id, organisation_id, title_fold, level) WHERE organisation_id IS NOT NULL;
CREATE INDEX initiatives_year ON initiatives (tenant_id, year, level);

-- Disciplinary measures with the period they are in effect; they block most titles.
CREATE TABLE disciplines (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  person_id        uuid,
  organisation_id  uuid,
  form             text NOT NULL CHECK (form IN ('reprimand', 'warning', 'salary_reduction', 'demotion', 'removal', 'dismissal')),
  starts_on        date NOT NULL,
  ends_on          date,
  reason           text NOT NULL DEFAULT '',
  source_number    text NOT NULL DEFAULT '',
  source_date      date,
  source_issuer    text NOT NULL DEFAULT '',
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  CHECK ((person_id IS NULL) <> (organisation_id IS NULL)),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX disciplines_person ON disciplines (tenant_id, person_id, form, starts_on) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX disciplines_collective ON disciplines (tenant_id, organisation_id, form, starts_on) WHERE organisation_id IS NOT NULL;

-- ── The catalogue (reference tables: the same in every tenant) ──────────────────────────────────

CREATE TABLE legal_bases (
  code             text PRIMARY KEY,
  name             text NOT NULL,
  short_name       text NOT NULL,
  effective_from   date NOT NULL,
  effective_to     date,
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
INSERT INTO legal_bases (code, name, short_name, effective_from, effective_to) VALUES
  ('law_2003_decree_91_2017', 'Luật Thi đua, Khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định số 91/2017/NĐ-CP', 'Luật TĐKT 2003, NĐ 91/2017', '2017-10-01', '2023-12-31'),
  ('law_2022_decree_98_2023', 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP', 'Luật TĐKT 2022, NĐ 98/2023', '2024-01-01', '2025-06-30'),
  ('law_2022_decree_152_2025', 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 152/2025/NĐ-CP', 'Luật TĐKT 2022, NĐ 152/2025', '2025-07-01', NULL);

-- One rule per title or award form, recipient kind and legal basis, in the vocabulary of
-- src/modules/eligibility/rule.ts. `needs_confirmation`: the text could not be checked against the
-- primary source (docs/legal: "cần xác minh"); the rule catalogue page says so.
CREATE TABLE eligibility_rules (
  award_form       text NOT NULL REFERENCES award_forms (code),
  recipient        text NOT NULL CHECK (recipient IN ('individual', 'collective')),
  legal_basis      text NOT NULL REFERENCES legal_bases (code),
  citation         text NOT NULL,
  rule             jsonb NOT NULL,
  -- the share cap of the conferring unit: { "of": award_form, "percent": 15 }
  cap              jsonb,
  needs_confirmation boolean NOT NULL DEFAULT false,
  note             text NOT NULL DEFAULT '',
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (award_form, recipient, legal_basis)
);

-- Award money = coefficient × the statutory base salary in force on the decision date, rounded up to 10,000đ.
CREATE TABLE award_money_coefficients (
  award_form       text NOT NULL REFERENCES award_forms (code),
  recipient        text NOT NULL CHECK (recipient IN ('individual', 'collective')),
  legal_basis      text NOT NULL REFERENCES legal_bases (code),
  coefficient      numeric(6, 2) NOT NULL CHECK (coefficient >= 0),
  citation         text NOT NULL,
  needs_confirmation boolean NOT NULL DEFAULT false,
  PRIMARY KEY (award_form, recipient, legal_basis)
);

CREATE TABLE base_salaries (
  effective_from   date PRIMARY KEY,
  amount           integer NOT NULL CHECK (amount > 0),
  citation         text NOT NULL,
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now()
);
INSERT INTO base_salaries (effective_from, amount, citation) VALUES
  ('2017-07-01', 1300000, 'Nghị định số 47/2017/NĐ-CP'),
  ('2018-07-01', 1390000, 'Nghị định số 72/2018/NĐ-CP'),
  ('2019-07-01', 1490000, 'Nghị định số 38/2019/NĐ-CP'),
  ('2023-07-01', 1800000, 'Nghị định số 24/2023/NĐ-CP'),
  ('2024-07-01', 2340000, 'Nghị định số 73/2024/NĐ-CP'),
  ('2026-07-01', 2530000, 'Mức lương cơ sở từ 01/7/2026 (LEGAL.md)');
