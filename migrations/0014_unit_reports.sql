-- Unit reports on a phase's outline (báo cáo theo đề cương) and their history (issue 6, items 1–2).
-- A unit below the movement's issuer writes one text per outline section and point, the system fills in
-- its figures, and it sends the report to the level above, which may return it with a reason. The
-- workflow (draft → submitted → returned → submitted …) is TRANSITIONS in src/modules/reports/model.ts;
-- the CHECK below only lists the states. Large tables, keyed by tenant.
CREATE TABLE unit_reports (
  tenant_id           uuid NOT NULL REFERENCES tenants (id),
  id                  uuid NOT NULL,
  movement_id         uuid NOT NULL,
  phase_id            uuid NOT NULL,
  -- the reporting unit; the receiving level is its parent organisation (or anyone above it)
  organisation_id     uuid NOT NULL,
  status              text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned')),
  -- plain text keyed by the outline's stable indexes: "0" (section I's own text), "0.2" (its third point)
  sections            jsonb NOT NULL DEFAULT '{}',
  -- the figures as submitted (reports/model.ts Figures), frozen; null while the report is being written
  figures             jsonb,
  -- punctuality is judged on the first submission: a return is the receiving level's act, not the unit's delay
  first_submitted_at  timestamptz,
  submitted_at        timestamptz,
  submitted_by        uuid,
  -- the receiving level's reason, kept after a resubmission (the history has every one)
  returned_reason     text,
  created_by          uuid,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  -- one report per unit and phase; also serves "the reports on this phase" of a compilation
  UNIQUE (tenant_id, phase_id, organisation_id),
  FOREIGN KEY (tenant_id, movement_id) REFERENCES movements (tenant_id, id),
  FOREIGN KEY (tenant_id, phase_id) REFERENCES movement_phases (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
-- "reports I owe": a unit's reports across phases
CREATE INDEX unit_reports_organisation ON unit_reports (tenant_id, organisation_id, status);

-- Every submission, return (with its reason) and resubmission, with the figures sent each time.
CREATE TABLE unit_report_events (
  tenant_id       uuid NOT NULL REFERENCES tenants (id),
  id              uuid NOT NULL,
  report_id       uuid NOT NULL,
  event           text NOT NULL CHECK (event IN ('submitted', 'returned', 'resubmitted')),
  reason          text NOT NULL DEFAULT '',
  late            boolean NOT NULL DEFAULT false,
  figures         jsonb,
  actor_user_id   uuid,
  at              timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, report_id) REFERENCES unit_reports (tenant_id, id)
);
CREATE INDEX unit_report_events_report ON unit_report_events (tenant_id, report_id, at);

-- A report's nomination figures count candidates submitted, accepted and returned in the period: one
-- range over the events' time instead of every event of the tenant.
CREATE INDEX nomination_events_at ON nomination_events (tenant_id, at) INCLUDE (candidate_id, action);
