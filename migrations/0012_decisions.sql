-- Award decisions (quyết định khen thưởng): the authority's signed decision that confers an award form
-- on the accepted (or, where the council votes, voted) candidates of nomination batches, one line per
-- recipient with its money. Issuing writes one `awards` row per line and marks the candidates decided.
-- Large tables, keyed by tenant.

CREATE TABLE award_decisions (
  tenant_id                  uuid NOT NULL REFERENCES tenants (id),
  id                         uuid NOT NULL,
  -- the level whose head decides: the receiving level for Giấy khen, the tenant's root for provincial forms
  authority_organisation_id  uuid NOT NULL,
  -- "125/QĐ-VP": a yearly sequence per issuer and number series (Decree 30/2020), unique per authority and year
  number                     integer NOT NULL CHECK (number > 0),
  symbol                     text NOT NULL,
  number_year                integer NOT NULL CHECK (number_year BETWEEN 1945 AND 2100),
  place                      text NOT NULL DEFAULT '',
  signed_on                  date NOT NULL,
  -- TM. / KT. / Q. / TL. (null: the head signs in their own name), the body after it, the title and the name
  signer_authority           text CHECK (signer_authority IS NULL OR signer_authority IN ('TM.', 'KT.', 'Q.', 'TL.')),
  signer_authority_body      text NOT NULL DEFAULT '',
  signer_title               text NOT NULL,
  signer_name                text NOT NULL,
  award_form                 text NOT NULL REFERENCES award_forms (code),
  -- the batches' kind: only merit awards count toward higher merit awards
  basis                      text NOT NULL CHECK (basis IN ('merit', 'thematic', 'one_off', 'long_service')),
  -- the year the achievement is for (the batches' year), which the awards carry
  year                       integer NOT NULL CHECK (year BETWEEN 1945 AND 2100),
  reason                     text NOT NULL,
  budget_source              text NOT NULL DEFAULT '',
  status                     text NOT NULL CHECK (status IN ('draft', 'issued')),
  -- the key of the request that issued it: a retried request finds its answer here and writes nothing
  idempotency_key            text,
  issued_at                  timestamptz,
  issued_by                  uuid,
  created_by                 uuid,
  created_at                 timestamptz NOT NULL,
  updated_at                 timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, authority_organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE UNIQUE INDEX award_decisions_number ON award_decisions (tenant_id, authority_organisation_id, number_year, symbol, number);
CREATE UNIQUE INDEX award_decisions_idempotency ON award_decisions (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX award_decisions_authority ON award_decisions (tenant_id, authority_organisation_id, signed_on);

-- One recipient of a decision: the candidate it came from, who (person or collective; households are
-- refused for now: awards has no household column), the name as printed, and the money computed for
-- the signing date. A candidate is on at most one decision, draft or issued.
CREATE TABLE award_decision_lines (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  decision_id      uuid NOT NULL,
  candidate_id     uuid NOT NULL,
  batch_id         uuid NOT NULL,
  person_id        uuid,
  organisation_id  uuid,
  recipient        text NOT NULL CHECK (recipient IN ('individual', 'collective')),
  name             text NOT NULL,
  position         text NOT NULL DEFAULT '',
  unit_name        text NOT NULL DEFAULT '',
  sort_key         text NOT NULL,
  -- coefficient × base salary in force on the signing date, rounded up to 10,000 đ; null: no money for the form
  coefficient      numeric(6, 2),
  base_salary      integer,
  amount           integer CHECK (amount IS NULL OR amount >= 0),
  award_id         uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, decision_id) REFERENCES award_decisions (tenant_id, id),
  FOREIGN KEY (tenant_id, candidate_id) REFERENCES nomination_candidates (tenant_id, id),
  FOREIGN KEY (tenant_id, batch_id) REFERENCES nomination_batches (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, award_id) REFERENCES awards (tenant_id, id),
  CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
CREATE UNIQUE INDEX award_decision_lines_candidate ON award_decision_lines (tenant_id, candidate_id);
CREATE INDEX award_decision_lines_decision ON award_decision_lines (tenant_id, decision_id, recipient, sort_key);
