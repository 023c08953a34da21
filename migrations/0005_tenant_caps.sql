-- A province or ministry sets its own cap on a title's share (docs/legal/awards.md#share-cap: Chiến sĩ
-- thi đua cơ sở at most a share of the Lao động tiên tiến holders, "configurable per ministry/province,
-- commonly 15%"). The
-- catalogue's cap is the default; a row here replaces its percentage for one tenant.
CREATE TABLE eligibility_caps (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  award_form       text NOT NULL REFERENCES award_forms (code),
  percent          numeric(5, 2) NOT NULL CHECK (percent > 0 AND percent <= 100),
  -- the tenant's own decision that sets it
  citation         text NOT NULL,
  updated_by       uuid,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, award_form)
);
