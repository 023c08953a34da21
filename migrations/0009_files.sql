-- Uploaded files (signed scans of dossier documents), stored once per tenant by content: the bytes live in
-- the file store (a directory or an S3 bucket) under their SHA-256; this row says what they are and who
-- first uploaded them. Whatever uses a file (a nomination batch's documents) points here by (tenant_id, sha256).
CREATE TABLE files (
  tenant_id      uuid NOT NULL REFERENCES tenants (id),
  sha256         char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size           bigint NOT NULL CHECK (size > 0),
  content_type   text NOT NULL,
  original_name  text NOT NULL,
  uploaded_by    uuid NOT NULL,
  uploaded_at    timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, sha256)
);
