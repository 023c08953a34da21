-- Optimistic concurrency (docs/ARCHITECTURE.md, "Edits"): every write of an editable row adds one to its version;
-- an edit made from version N is refused with 409 when the row is no longer at N, instead of silently overwriting
-- what someone else saved meanwhile. A counter, not updated_at: two saves in the same millisecond still differ.
-- (organisations.version came with 0030, for merges and splits; the same counter serves every edit of a unit)
ALTER TABLE movements ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE people ADD COLUMN version integer NOT NULL DEFAULT 1;

-- What in an uploaded PDF can act when it is opened (platform/storage/pdf-active.ts): scripts, actions, embedded
-- files. Empty for a plain scan; otherwise the officer is warned before opening the file.
ALTER TABLE files ADD COLUMN active_content jsonb NOT NULL DEFAULT '[]';
