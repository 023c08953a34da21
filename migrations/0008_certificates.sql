-- Certificates (bằng khen, giấy khen) with a QR code, the public check of a printed certificate, and
-- revocation (thu hồi) of an award by a later decision.

-- The verification code printed (and QR-encoded) on the certificate: 12 characters of Crockford
-- base32 (60 random bits, src/modules/certificates/model.ts), stored without dashes, upper case.
-- The public page knows no tenant: codes are random enough to be unique across tenants (a collision
-- is checked at write time); the unique key keeps tenant_id first (the rule for distributed tables)
-- and the lookup index serves the tenant-less public query.
ALTER TABLE awards ADD COLUMN verification_code text CHECK (verification_code ~ '^[0-9A-HJKMNP-TV-Z]{12}$');
-- the money paid with the award, in đồng (null when unknown); the decisions module fills it
ALTER TABLE awards ADD COLUMN amount bigint CHECK (amount >= 0);
CREATE UNIQUE INDEX awards_verification_code ON awards (tenant_id, verification_code) WHERE verification_code IS NOT NULL;
CREATE INDEX awards_verification_lookup ON awards (verification_code) WHERE verification_code IS NOT NULL;

-- One revocation per award: the decision that annulled it, why, and the money to recover (the
-- amount recorded on the award, or else coefficient × base salary on the award's decision date).
-- The award row keeps revoked_on / revocation_number; nothing is deleted.
CREATE TABLE award_revocations (
  tenant_id         uuid NOT NULL REFERENCES tenants (id),
  id                uuid NOT NULL,
  award_id          uuid NOT NULL,
  decision_number   text NOT NULL,
  decided_on        date NOT NULL,
  decided_by        text NOT NULL,
  reason            text NOT NULL,
  -- đồng to recover; null when the award carried no money in the catalogue
  amount_to_recover bigint CHECK (amount_to_recover >= 0),
  -- 'recorded' (awards.amount) or 'computed' (moneyFor at the award's decision date)
  amount_source     text CHECK (amount_source IN ('recorded', 'computed')),
  revoked_by        uuid,
  revoked_at        timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, award_id) REFERENCES awards (tenant_id, id),
  CHECK ((amount_to_recover IS NULL) = (amount_source IS NULL))
);
CREATE UNIQUE INDEX award_revocations_award ON award_revocations (tenant_id, award_id);
