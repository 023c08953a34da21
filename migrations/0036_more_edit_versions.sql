-- Optimistic concurrency for the remaining edit screens (docs/ARCHITECTURE.md, "Edits"; 0035 did movements and
-- people): each row an officer edits from a form carries a counter every write adds one to, and an edit made from
-- an older version is refused with 409 edit.stale instead of overwriting what someone else saved meanwhile.
ALTER TABLE users ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE employments ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE residences ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE examples ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE nomination_candidates ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE award_decisions ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE unit_reports ADD COLUMN version integer NOT NULL DEFAULT 1;
-- a sheet's settings and rows; each member's self-scores are versioned on its entry, so members scoring at once do
-- not refuse each other
ALTER TABLE cluster_sheets ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE cluster_sheet_entries ADD COLUMN version integer NOT NULL DEFAULT 1;
-- the attendance list is edited as one form of the meeting
ALTER TABLE council_meetings ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE consultation_comments ADD COLUMN version integer NOT NULL DEFAULT 1;
-- rows set by key (create or replace): a replace names the version it saw, a first setting none
ALTER TABLE eligibility_caps ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE award_procedures ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE tenant_holiday_days ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE holiday_days ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE legal_bases ADD COLUMN version integer NOT NULL DEFAULT 1;
