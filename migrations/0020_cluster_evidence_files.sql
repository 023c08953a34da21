-- Cluster and block scoring (issue 6): a member's evidence for a criterion was text and a link only.
-- Members attach the signed documents that prove their points (PDF scans: decisions, reports, minutes),
-- stored once per content through the file store, as nomination dossiers are.
CREATE TABLE cluster_evidence_files (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  sheet_id         uuid NOT NULL,
  organisation_id  uuid NOT NULL,
  criterion_id     uuid NOT NULL,
  sha256           char(64) NOT NULL,
  uploaded_by      uuid,
  uploaded_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, sheet_id) REFERENCES cluster_sheets (tenant_id, id),
  FOREIGN KEY (tenant_id, criterion_id) REFERENCES cluster_criteria (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, sha256) REFERENCES files (tenant_id, sha256)
);
CREATE INDEX cluster_evidence_files_sheet ON cluster_evidence_files (tenant_id, sheet_id, organisation_id, criterion_id);
