-- The app looks, at every start, for awards its start-up backfills must fill. The recipients' backfill
-- has its partial index since 0007 (awards_recipient_missing); the verification codes' backfill
-- (certificates/store.ts backfillVerificationCodes) had none, so each start scanned every award to find,
-- almost always, none. This partial index holds only the rows still to fill: normally empty, so it costs
-- writers nothing.
CREATE INDEX awards_without_code ON awards (tenant_id, id) WHERE verification_code IS NULL AND decision_number <> '';
