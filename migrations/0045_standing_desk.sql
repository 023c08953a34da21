-- The standing agency's own desk (issue 17.6). A batch received at a level is assigned to one of its standing
-- officers (chuyên viên), who finds it in "Việc chờ tôi xử lý"; assigning and reassigning are steps of the batch's
-- history (nomination_events), which is the processing log. Before the accepted list goes to the council or to the
-- decision, the head who leads the standing agency's work at that level reviews it (trưởng ban duyệt danh sách):
-- list_reviewed_at NULL until then. The batch gets a version, raised by every write, against lost updates.
ALTER TABLE nomination_batches
  ADD COLUMN assigned_to      uuid,
  ADD COLUMN assigned_at      timestamptz,
  ADD COLUMN list_reviewed_by uuid,
  ADD COLUMN list_reviewed_at timestamptz,
  ADD COLUMN version          integer NOT NULL DEFAULT 1,
  ADD CONSTRAINT nomination_batches_assigned_to_fkey FOREIGN KEY (assigned_to) REFERENCES users (id),
  ADD CONSTRAINT nomination_batches_list_reviewed_by_fkey FOREIGN KEY (list_reviewed_by) REFERENCES users (id);

-- the specialist's inbox: my batches still at this level
CREATE INDEX nomination_batches_assigned ON nomination_batches (tenant_id, assigned_to, status) WHERE assigned_to IS NOT NULL;
