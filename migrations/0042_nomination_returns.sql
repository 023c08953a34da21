-- Issue 17: a returned candidate is no longer a dead end.
-- A candidate the unit withdraws (rút) ends at this level, like a rejected one, and keeps its history.
ALTER TABLE nomination_candidates DROP CONSTRAINT nomination_candidates_status_check;
ALTER TABLE nomination_candidates ADD CONSTRAINT nomination_candidates_status_check CHECK (status IN
  ('draft', 'submitted', 'returned', 'accepted', 'rejected', 'voted', 'forwarded', 'decided', 'withdrawn'));
-- What the standing agency asked for when it returned the candidate for supplement, and when: the unit gets
-- an upload slot for that document, and the candidate cannot go up again until a file of that kind is filed since.
ALTER TABLE nomination_candidates ADD COLUMN requested_document text
  CHECK (requested_document IN ('proposal_letter', 'minutes', 'achievement_report', 'summary', 'other'));
ALTER TABLE nomination_candidates ADD COLUMN requested_at timestamptz;
