-- Statistics (issue 6) count awards by who received them: women, ethnic minorities, leaders and
-- direct workers among individuals, collectives apart. Counting five million awards by those groups
-- cannot join people and employments at decision time on every request, so the recipient's groups are
-- denormalised onto the award beside the archive's columns (0007), by the same one function
-- (archive/recipient.ts fillAwardRecipients), from the same employment (the one at decision time):
--   recipient_female           the person is a woman (null for a collective)
--   recipient_ethnic_minority  the person's ethnicity is not Kinh (null for a collective)
--   recipient_leader           the employment at decision time is a leader's post (false: no employment)
--   recipient_direct_worker    that employment is direct work (employments.is_direct_worker); a person
--                              with no employment at all is a citizen and counts as one
ALTER TABLE awards ADD COLUMN recipient_female boolean;
ALTER TABLE awards ADD COLUMN recipient_ethnic_minority boolean;
ALTER TABLE awards ADD COLUMN recipient_leader boolean;
ALTER TABLE awards ADD COLUMN recipient_direct_worker boolean;

-- Người trực tiếp lao động, sản xuất, công tác: decided in TypeScript from the post when the employment
-- is written (people/model.ts isDirectWorker); rows written before this migration stay false until
-- their employment is next saved.
ALTER TABLE employments ADD COLUMN is_direct_worker boolean NOT NULL DEFAULT false;

-- Refill every award on the next start (the start-up backfill fills rows whose name is null), so the
-- new columns come from the one function rather than from a second copy of its rules here.
UPDATE awards SET recipient_name_fold = NULL;

-- Statistics read one index, never the table: a subtree and period (recipient_path prefix, year) and
-- every column the breakdowns group by, index-only.
CREATE INDEX awards_statistics ON awards (tenant_id, year, recipient_path)
  INCLUDE (award_form, basis, person_id, recipient_female, recipient_ethnic_minority, recipient_leader,
           recipient_direct_worker, amount, revoked_on, decided_on);
