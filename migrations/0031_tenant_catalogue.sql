-- The award catalogue belongs to the tenant (issue 14.3): a ministry adds its Bằng khen của Bộ trưởng,
-- Kỷ niệm chương and sector titles, a commune its household and village titles, and the standing agency
-- keeps its own versions of the eligibility rules.
--
-- Two kinds of rows, told apart by tenant_id and never mixed:
--   shared defaults (tenant_id IS NULL) — the forms, rules and coefficients the law names for everyone
--     (migrations 0002–0006), kept by the platform operator; a tenant never writes them;
--   a tenant's rows (tenant_id set) — seen and changed by that tenant only.
-- A tenant changes what it sees of a shared form only through its own rows: a retirement
-- (award_form_retirements), its own rule versions (eligibility_rule_versions), its procedure
-- (award_procedures, 0006) and cap (eligibility_caps, 0005). Another tenant's view is unchanged.

-- A tenant's own form is keyed by a UUIDv7 made in the app (code), so two tenants may both give the
-- code "bang_khen_bo_truong" to their own form: display_code is the code the tenant types and sees,
-- unique among the forms that tenant sees (its own and the shared ones; the service checks the latter).
ALTER TABLE award_forms ADD COLUMN tenant_id uuid REFERENCES tenants (id);
ALTER TABLE award_forms ADD COLUMN display_code text;
UPDATE award_forms SET display_code = code;
ALTER TABLE award_forms ALTER COLUMN display_code SET NOT NULL;
CREATE UNIQUE INDEX award_forms_tenant_code ON award_forms (tenant_id, display_code) WHERE tenant_id IS NOT NULL;
CREATE INDEX award_forms_tenant ON award_forms (tenant_id, sort_order);

-- who may receive it, as a set (recipient stays the one-word summary older readers use)
-- (a JSON array: individual, collective, household, community — a village or residential group)
ALTER TABLE award_forms ADD COLUMN recipient_kinds jsonb;
UPDATE award_forms SET recipient_kinds = CASE recipient
  WHEN 'both' THEN '["individual", "collective"]'::jsonb ELSE jsonb_build_array(recipient) END;
ALTER TABLE award_forms ALTER COLUMN recipient_kinds SET NOT NULL;
ALTER TABLE award_forms ADD CONSTRAINT award_forms_recipient_kinds_check
  CHECK (jsonb_typeof(recipient_kinds) = 'array' AND jsonb_array_length(recipient_kinds) >= 1
    AND recipient_kinds <@ '["individual", "collective", "household", "community"]'::jsonb);
ALTER TABLE award_forms DROP CONSTRAINT award_forms_recipient_check;
ALTER TABLE award_forms ADD CONSTRAINT award_forms_recipient_check
  CHECK (recipient IN ('individual', 'collective', 'both', 'household', 'community'));

-- the level of the deciding authority: a minister's Bằng khen is 'ministry', a commune chairman's 'commune'
ALTER TABLE award_forms DROP CONSTRAINT award_forms_level_check;
ALTER TABLE award_forms ADD CONSTRAINT award_forms_level_check
  CHECK (level IN ('state', 'government', 'ministry', 'province', 'commune', 'base'));

-- what kind of form it is (Law 2022 art. 7–8: orders, medals, State honorary titles, commemorative
-- medals, certificates of merit; emulation titles and flags)
ALTER TABLE award_forms ADD COLUMN form_group text NOT NULL DEFAULT 'certificate' CHECK (form_group IN
  ('emulation_title', 'emulation_flag', 'certificate', 'order', 'medal', 'honour_title', 'commemorative_medal', 'other'));
UPDATE award_forms SET form_group = CASE
  WHEN code LIKE 'co_thi_dua%' THEN 'emulation_flag'
  WHEN category = 'title' THEN 'emulation_title'
  WHEN code LIKE 'huan_chuong%' THEN 'order'
  ELSE 'certificate' END;

-- the legal text the form rests on (a tenant's own form must cite it)
ALTER TABLE award_forms ADD COLUMN citation text NOT NULL DEFAULT '';
-- optimistic concurrency on a tenant's edits: each save checks and bumps it
ALTER TABLE award_forms ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE award_forms ADD COLUMN updated_by uuid;
ALTER TABLE award_forms ADD COLUMN updated_at timestamptz;

-- Retired in this tenant: no longer offered for new nominations; its awards, history and statistics stay.
-- Shared and own forms alike (retiring a shared form touches no other tenant).
CREATE TABLE award_form_retirements (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  award_form       text NOT NULL REFERENCES award_forms (code),
  retired_on       date NOT NULL,
  citation         text NOT NULL,
  retired_by       uuid,
  retired_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, award_form)
);

-- Coefficients of a tenant's own forms (tenant_id set); shared defaults keep tenant_id NULL. The key of a
-- tenant's form is its own, so the primary key needs no tenant.
ALTER TABLE award_money_coefficients ADD COLUMN tenant_id uuid REFERENCES tenants (id);
CREATE INDEX award_money_coefficients_tenant ON award_money_coefficients (tenant_id);

-- A tenant's versions of an eligibility rule (the shared eligibility_rules row is version 0). Each save
-- is a new row; none is changed or deleted. A year is judged by the latest version of its legal basis
-- valid from on or before the year's last day (catalogue.ts, rulesInForce).
CREATE TABLE eligibility_rule_versions (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  award_form       text NOT NULL REFERENCES award_forms (code),
  recipient        text NOT NULL CHECK (recipient IN ('individual', 'collective')),
  legal_basis      text NOT NULL REFERENCES legal_bases (code),
  version          integer NOT NULL CHECK (version >= 1),
  valid_from       date NOT NULL,
  rule             jsonb NOT NULL,
  cap              jsonb,
  -- the document (a ministry's or province's decision, the Law, a decree) and its article
  citation         text NOT NULL CHECK (length(citation) >= 3),
  article          text NOT NULL CHECK (length(article) >= 1),
  note             text NOT NULL DEFAULT '',
  created_by       uuid NOT NULL,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX eligibility_rule_versions_form ON eligibility_rule_versions (tenant_id, award_form, recipient, legal_basis, version);
