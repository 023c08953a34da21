-- A council's paper ballot (issue 17.4): most members have no account, so the secretary copies the counting
-- committee's minutes (biên bản kiểm phiếu) into the app — who was present, per candidate the ballots for, against
-- and abstaining — and attaches the scan. The counts go where the online ballot's go (council_agenda_items), the
-- attendance to council_attendance; this row says the result came from paper and keeps the scan. The scan is
-- attached first (a raw PDF upload), the counts recorded after: recorded_at NULL until then.
CREATE TABLE council_paper_ballots (
  tenant_id       uuid NOT NULL,
  meeting_id      uuid NOT NULL,
  minutes_sha256  char(64) NOT NULL,
  minutes_name    text NOT NULL,
  attached_by     uuid,
  attached_at     timestamptz NOT NULL,
  recorded_by     uuid,
  recorded_at     timestamptz,
  CONSTRAINT council_paper_ballots_pkey PRIMARY KEY (tenant_id, meeting_id),
  CONSTRAINT council_paper_ballots_meeting_fkey FOREIGN KEY (tenant_id, meeting_id) REFERENCES council_meetings (tenant_id, id),
  CONSTRAINT council_paper_ballots_minutes_fkey FOREIGN KEY (tenant_id, minutes_sha256) REFERENCES files (tenant_id, sha256)
);
