-- Nominations (đề nghị khen thưởng): a unit's batch of candidates for an award form, its dossier, the
-- workflow history, and the in-app notifications the workflow sends. Large tables, keyed by tenant.
-- The workflow itself (who may move a batch or candidate from which state to which) is a table in
-- src/modules/nominations/workflow.ts; the CHECKs below only list the states.

-- How an award form is decided in this tenant: whether the deciding council votes by secret ballot, the
-- threshold and its denominator, and whether (and for how many working days) the list goes to public
-- consultation. Absent rows fall back to the defaults in nominations/procedure.ts (docs/legal/procedure.md).
CREATE TABLE award_procedures (
  tenant_id           uuid NOT NULL REFERENCES tenants (id),
  award_form          text NOT NULL REFERENCES award_forms (code),
  council_vote        boolean NOT NULL,
  secret_ballot       boolean NOT NULL,
  threshold_percent   numeric(5, 2) NOT NULL CHECK (threshold_percent > 0 AND threshold_percent <= 100),
  threshold_of        text NOT NULL CHECK (threshold_of IN ('members', 'present')),
  consultation_days   integer CHECK (consultation_days IS NULL OR consultation_days BETWEEN 1 AND 60),
  citation            text NOT NULL DEFAULT '',
  updated_by          uuid,
  updated_at          timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, award_form)
);

CREATE TABLE nomination_batches (
  tenant_id                  uuid NOT NULL REFERENCES tenants (id),
  id                         uuid NOT NULL,
  -- the unit that nominates (manages the candidates' staffing and payroll) and the level that receives:
  -- its standing agency appraises, its council votes, its head decides or forwards up
  organisation_id            uuid NOT NULL,
  receiving_organisation_id  uuid NOT NULL,
  movement_id                uuid,
  -- the award item of the movement's plan (plan.awards[].id) whose quotas and window apply
  award_item_id              uuid,
  award_form                 text NOT NULL REFERENCES award_forms (code),
  kind                       text NOT NULL CHECK (kind IN ('merit', 'thematic', 'one_off', 'long_service')),
  year                       integer NOT NULL CHECK (year BETWEEN 1945 AND 2100),
  title                      text NOT NULL,
  status                     text NOT NULL CHECK (status IN
                               ('draft', 'awaiting_head', 'submitted', 'under_appraisal', 'returned', 'accepted', 'decided')),
  -- a batch a lower level forwarded its accepted candidates in
  forwarded_from_batch_id    uuid,
  letter_number              text NOT NULL DEFAULT '',
  submitted_at               timestamptz,
  submitted_by               uuid,
  receipt_number             text,
  created_by                 uuid,
  created_at                 timestamptz NOT NULL,
  updated_at                 timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, receiving_organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, movement_id) REFERENCES movements (tenant_id, id),
  FOREIGN KEY (tenant_id, forwarded_from_batch_id) REFERENCES nomination_batches (tenant_id, id)
);
CREATE INDEX nomination_batches_unit ON nomination_batches (tenant_id, organisation_id, created_at);
CREATE INDEX nomination_batches_receiving ON nomination_batches (tenant_id, receiving_organisation_id, status);
CREATE INDEX nomination_batches_movement ON nomination_batches (tenant_id, movement_id, award_item_id);
CREATE UNIQUE INDEX nomination_batches_receipt ON nomination_batches (tenant_id, receipt_number) WHERE receipt_number IS NOT NULL;

-- One candidate: a person, a collective (an organisation: unit, enterprise, cooperative) or a household.
CREATE TABLE nomination_candidates (
  tenant_id            uuid NOT NULL REFERENCES tenants (id),
  id                   uuid NOT NULL,
  batch_id             uuid NOT NULL,
  person_id            uuid,
  organisation_id      uuid,
  household_id         uuid,
  status               text NOT NULL CHECK (status IN
                         ('draft', 'submitted', 'returned', 'accepted', 'rejected', 'voted', 'forwarded', 'decided')),
  -- snapshot at nomination: name, position and unit as the dossier states them; leaders are counted apart
  name                 text NOT NULL,
  name_fold            text NOT NULL,
  sort_key             text NOT NULL,
  position             text NOT NULL DEFAULT '',
  unit_name            text NOT NULL DEFAULT '',
  is_leader            boolean NOT NULL DEFAULT false,
  achievement          text NOT NULL DEFAULT '',
  -- the eligibility result when the candidate was added or last checked ({ status, reasons })
  eligibility          jsonb,
  -- the last verdict's reason (returned, rejected) for the unit to read; the full history is in events
  note                 text NOT NULL DEFAULT '',
  -- a candidate forwarded up continues as a candidate of the upper batch
  source_candidate_id  uuid,
  award_id             uuid,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, batch_id) REFERENCES nomination_batches (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES households (tenant_id, id),
  FOREIGN KEY (tenant_id, source_candidate_id) REFERENCES nomination_candidates (tenant_id, id),
  FOREIGN KEY (tenant_id, award_id) REFERENCES awards (tenant_id, id),
  CHECK (num_nonnulls(person_id, organisation_id, household_id) = 1)
);
CREATE INDEX nomination_candidates_batch ON nomination_candidates (tenant_id, batch_id, sort_key);
CREATE UNIQUE INDEX nomination_candidates_person ON nomination_candidates (tenant_id, batch_id, person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX nomination_candidates_collective ON nomination_candidates (tenant_id, batch_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX nomination_candidates_household ON nomination_candidates (tenant_id, batch_id, household_id) WHERE household_id IS NOT NULL;
CREATE INDEX nomination_candidates_of_person ON nomination_candidates (tenant_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX nomination_candidates_of_collective ON nomination_candidates (tenant_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX nomination_candidates_award ON nomination_candidates (tenant_id, award_id) WHERE award_id IS NOT NULL;

-- The history of every transition of a batch or one of its candidates: what the unit and the
-- standing agency see ("returned on 18/5 for a missing report; resubmitted on 19/5").
CREATE TABLE nomination_events (
  tenant_id       uuid NOT NULL REFERENCES tenants (id),
  id              uuid NOT NULL,
  batch_id        uuid NOT NULL,
  candidate_id    uuid,
  action          text NOT NULL,
  from_status     text NOT NULL,
  to_status       text NOT NULL,
  reason          text NOT NULL DEFAULT '',
  actor_user_id   uuid,
  at              timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, batch_id) REFERENCES nomination_batches (tenant_id, id)
);
CREATE INDEX nomination_events_batch ON nomination_events (tenant_id, batch_id, at);

-- The dossier: each document a batch (or one candidate of it) needs, as the signed PDF scan uploaded,
-- stored by its SHA-256. A replaced document stays, with replaced_at set: nothing is lost.
CREATE TABLE nomination_documents (
  tenant_id       uuid NOT NULL REFERENCES tenants (id),
  id              uuid NOT NULL,
  batch_id        uuid NOT NULL,
  candidate_id    uuid,
  kind            text NOT NULL CHECK (kind IN ('proposal_letter', 'minutes', 'achievement_report', 'summary', 'other')),
  sha256          text NOT NULL,
  name            text NOT NULL,
  size            integer NOT NULL,
  uploaded_by     uuid,
  uploaded_at     timestamptz NOT NULL,
  replaced_at     timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, batch_id) REFERENCES nomination_batches (tenant_id, id),
  FOREIGN KEY (tenant_id, candidate_id) REFERENCES nomination_candidates (tenant_id, id)
);
CREATE INDEX nomination_documents_batch ON nomination_documents (tenant_id, batch_id) WHERE replaced_at IS NULL;

-- In-app notifications: one row per user who must act (or should know), written by the app in the same
-- transaction as the transition. E-mail goes through the outbox when SMTP is configured.
CREATE TABLE notifications (
  tenant_id       uuid NOT NULL REFERENCES tenants (id),
  id              uuid NOT NULL,
  user_id         uuid NOT NULL REFERENCES users (id),
  topic           text NOT NULL,
  entity_type     text NOT NULL,
  entity_id       uuid,
  params          jsonb NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL,
  read_at         timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX notifications_user ON notifications (tenant_id, user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (tenant_id, user_id) WHERE read_at IS NULL;
