-- Each applied migration keeps the SHA-256 of its file (line endings normalised to \n), so a start
-- refuses to run on a database whose migrations were edited after they were applied (platform/db/migrate.ts).
-- Nullable: databases migrated before this column existed adopt the files' current checksums at their
-- next start, and so does every row this very run applied before this migration.
ALTER TABLE schema_migrations ADD COLUMN checksum text
  CONSTRAINT schema_migrations_checksum_sha256 CHECK (checksum ~ '^[0-9a-f]{64}$');
