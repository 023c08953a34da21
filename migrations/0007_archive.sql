-- The award archive (tra cứu khen thưởng, issue 5 item 10): who received what, when, by which decision.
-- Searching 5 million awards by name and subtree needs the recipient on the award row itself, so three
-- columns are denormalised, computed in TypeScript at write time by the one function
-- src/modules/archive/recipient.ts `awardRecipientColumns` (SQL cannot fold Vietnamese):
--   recipient_name_fold  the person's or collective's folded name (searched: "nguyen van an", "van an")
--   recipient_sort_key   the Vietnamese sort key (given → middle → family for people)
--   recipient_path       the organisation path of the recipient at decision time: for a person the unit
--                        that employed them on the decision date (or 31/12 of the award year), for a
--                        collective the organisation itself. The archive's scope and unit filter read it.
-- Rows written before this migration are filled by `backfillAwardRecipients` when the app starts, so
-- the columns stay nullable.
ALTER TABLE awards ADD COLUMN recipient_name_fold text;
ALTER TABLE awards ADD COLUMN recipient_sort_key text COLLATE "C";
ALTER TABLE awards ADD COLUMN recipient_path text COLLATE "C";

-- A name search does not scan 5 million names: names repeat (a province has a few tens of thousands of
-- distinct folded names), so the fragment is matched in the small table of distinct names (trigram GIN),
-- and each matching name reads its awards from one btree whose INCLUDE columns answer the other
-- filters and the order without visiting the table (index-only). fillAwardRecipients keeps it filled;
-- a name no award carries any more (a person renamed) stays and simply matches nothing.
CREATE TABLE award_recipient_names (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  name_fold        text NOT NULL,
  PRIMARY KEY (tenant_id, name_fold)
);
CREATE INDEX award_recipient_names_trgm ON award_recipient_names USING gin (name_fold gin_trgm_ops);
CREATE INDEX awards_recipient_name ON awards (tenant_id, recipient_name_fold)
  INCLUDE (decided_on, recipient_sort_key, id, year, award_form, recipient_path, revoked_on);
-- scope and unit filter: LIKE '<path>%' on a "C" btree
CREATE INDEX awards_recipient_path ON awards (tenant_id, recipient_path, decided_on);
-- the archive's order (newest decision first, then Vietnamese name order) and its keyset paging
CREATE INDEX awards_archive_order ON awards (tenant_id, decided_on DESC NULLS LAST, recipient_sort_key, id);
-- a year or range of years without an award form (awards_form_year serves form + year)
CREATE INDEX awards_year ON awards (tenant_id, year);
-- the backfill finds what is left to fill
CREATE INDEX awards_recipient_missing ON awards (tenant_id, id) WHERE recipient_name_fold IS NULL;
