-- Statistics (issue 6): the awards' figures read awards_statistics (0013). The page also lists the
-- nominations returned for supplement in a period and why: the returns of a tenant by time, without
-- walking every batch's history.
CREATE INDEX nomination_events_returned ON nomination_events (tenant_id, at) WHERE action = 'return';
