-- Predecessors and successors, many to many: in the 2025 two-tier reorganisation a district was split
-- among several communes, and several communes were merged into one. organisations.successor_id stays
-- the one link of the single-successor case (filled by every writer when there is exactly one
-- successor, null when there are several), so its readers keep working; this table holds every link.
CREATE TABLE organisation_successions (
  tenant_id        uuid NOT NULL,
  predecessor_id   uuid NOT NULL,
  successor_id     uuid NOT NULL,
  -- the day the successor took over (the day after the predecessor's valid_to)
  on_date          date NOT NULL,
  -- what part went to this successor ("xã Thứ Ba cũ", "3 thôn phía đông"), free text
  share_note       text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, predecessor_id, successor_id),
  FOREIGN KEY (tenant_id, predecessor_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, successor_id) REFERENCES organisations (tenant_id, id),
  CHECK (predecessor_id <> successor_id)
);
CREATE INDEX organisation_successions_successor ON organisation_successions (tenant_id, successor_id);

-- the links made so far
INSERT INTO organisation_successions (tenant_id, predecessor_id, successor_id, on_date)
SELECT tenant_id, id, successor_id, COALESCE(valid_to + 1, valid_from)
FROM organisations WHERE successor_id IS NOT NULL;
