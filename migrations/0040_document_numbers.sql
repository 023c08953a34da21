-- The register of document numbers (sổ đăng ký văn bản, issue 17.1). A number is "245/KH-UBND": the issuer's yearly
-- sequence number, then the symbol, which names the kind (KH, QĐ) and the issuer's abbreviation (UBND, SGDĐT); so a
-- register per issuer, symbol and year is a register per issuer, kind and year. One row per number taken: the primary
-- key refuses a second holder, so two plans or decisions issued at once never share a number (the loser gets a 409).
CREATE TABLE document_numbers (
  tenant_id               uuid NOT NULL,
  issuer_organisation_id  uuid NOT NULL,
  year                    integer NOT NULL,
  symbol                  text NOT NULL,
  number                  integer NOT NULL,
  -- what holds the number: a plan (issued) or an award decision (from its draft on)
  entity_type             text NOT NULL,
  entity_id               uuid NOT NULL,
  taken_at                timestamptz NOT NULL,
  CONSTRAINT document_numbers_pkey PRIMARY KEY (tenant_id, issuer_organisation_id, year, symbol, number),
  CONSTRAINT document_numbers_issuer_fkey FOREIGN KEY (tenant_id, issuer_organisation_id) REFERENCES organisations (tenant_id, id),
  CONSTRAINT document_numbers_entity_type_check CHECK (entity_type IN ('movement', 'award_decision')),
  CONSTRAINT document_numbers_number_check CHECK (number > 0),
  CONSTRAINT document_numbers_year_check CHECK (year BETWEEN 1945 AND 2100)
);
CREATE INDEX document_numbers_entity ON document_numbers (tenant_id, entity_id);

-- The numbers already given: issued plans, then decisions (drafts too, as their unique index already held them).
-- A number both a plan and a decision claimed stays with the plan.
INSERT INTO document_numbers (tenant_id, issuer_organisation_id, year, symbol, number, entity_type, entity_id, taken_at)
SELECT tenant_id, organisation_id, CAST(extract(year FROM issued_on) AS integer), document_symbol, document_number, 'movement', id, updated_at
FROM movements
WHERE document_number > 0 AND issued_on IS NOT NULL AND extract(year FROM issued_on) BETWEEN 1945 AND 2100
ON CONFLICT DO NOTHING;

INSERT INTO document_numbers (tenant_id, issuer_organisation_id, year, symbol, number, entity_type, entity_id, taken_at)
SELECT tenant_id, authority_organisation_id, number_year, symbol, number, 'award_decision', id, created_at
FROM award_decisions
ON CONFLICT DO NOTHING;
