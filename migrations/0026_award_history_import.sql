-- The archive of past decisions imported from an agency's spreadsheets (issue "Go live", item 6).
-- A past decision names its recipient as written ("Nguyễn Văn An, Phòng GD&ĐT huyện Mường Khoa"): the
-- import links it to a person or an organisation when that is unambiguous and otherwise keeps the
-- award with the text alone, to be matched later by hand. The text stays on the award either way
-- (what the paper said), folded and sorted in TypeScript at write time (archive/history/model.ts).
--
--   written_kind        individual or collective, as the file says (an unmatched award has no person
--                       or organisation to tell it)
--   written_name/unit   the recipient's name and unit as written; written_birth_year when given
--   written_name_fold   folded name: the archive finds an unmatched award by it
--   written_sort_key    Vietnamese sort key of the written name
--   written_path        where an award without a person or organisation counts (awards/recipient.ts
--                       copies it to recipient_path): the unit the written unit matched, or else the
--                       organisation the file was imported for
--   history_key         the natural key of an imported row (decision number, date, form, recipient
--                       and unit as written, folded): importing the same file again adds nothing
--
-- The matching state is read from the row: written_name set and neither person_id nor organisation_id
-- is "unmatched"; written_name set with one of them is "matched" (at import or later, the audit log says which).
ALTER TABLE awards ADD COLUMN written_kind text CHECK (written_kind IN ('individual', 'collective'));
ALTER TABLE awards ADD COLUMN written_name text;
ALTER TABLE awards ADD COLUMN written_unit text;
ALTER TABLE awards ADD COLUMN written_birth_year integer;
ALTER TABLE awards ADD COLUMN written_name_fold text;
ALTER TABLE awards ADD COLUMN written_sort_key text COLLATE "C";
ALTER TABLE awards ADD COLUMN written_path text COLLATE "C";
ALTER TABLE awards ADD COLUMN history_key text;

-- an award has a person, or an organisation, or (imported, not matched yet) a recipient as written
ALTER TABLE awards DROP CONSTRAINT awards_check;
ALTER TABLE awards ADD CONSTRAINT awards_recipient CHECK (
  (person_id IS NULL) <> (organisation_id IS NULL)
  OR (person_id IS NULL AND organisation_id IS NULL AND written_name IS NOT NULL AND written_kind IS NOT NULL AND written_name_fold IS NOT NULL));

CREATE UNIQUE INDEX awards_history_key ON awards (tenant_id, history_key) WHERE history_key IS NOT NULL;
-- the "match later" list: unmatched awards of a subtree, grouped by the text as written
CREATE INDEX awards_unmatched ON awards (tenant_id, written_path, written_name_fold)
  WHERE person_id IS NULL AND organisation_id IS NULL;

-- An unmatched individual counts as an individual (not as a collective) wherever it counts: the same
-- view as 0018 with `individual` read from the written kind when there is no person or organisation.
-- Its groups (women, leaders…) are unknown and count in none.
CREATE OR REPLACE VIEW award_tally_entries AS
SELECT f.tenant_id, f.id, f.person_id, f.organisation_id, s.scope, f.year, f.recipient_path, f.award_form,
  f.individual, f.non_leader, f.direct_worker, f.female, f.ethnic_minority, f.amount
FROM (
  SELECT a.tenant_id, a.id, a.person_id, a.organisation_id, a.year, a.recipient_path, a.award_form, a.amount,
    (a.person_id IS NOT NULL OR (a.organisation_id IS NULL AND a.written_kind = 'individual')) AS individual,
    (a.person_id IS NOT NULL AND a.recipient_leader IS FALSE) AS non_leader,
    coalesce(a.recipient_direct_worker, false) AS direct_worker,
    coalesce(a.recipient_female, false) AS female,
    coalesce(a.recipient_ethnic_minority, false) AS ethnic_minority
  FROM awards a
  WHERE a.revoked_on IS NULL AND a.recipient_path IS NOT NULL
) f
CROSS JOIN LATERAL (VALUES ('all', true), ('individual', f.individual), ('collective', NOT f.individual),
  ('non_leader', f.non_leader), ('direct_worker', f.direct_worker), ('female', f.female),
  ('ethnic_minority', f.ethnic_minority)) AS s (scope, counts)
WHERE s.counts;
