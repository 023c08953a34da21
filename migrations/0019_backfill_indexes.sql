-- The app looks, at every start, for awards its start-up backfills must fill (archive/recipient.ts
-- backfillAwardRecipients, certificates/store.ts backfillVerificationCodes). Without an index that is a
-- scan of every award (seconds at millions) to find, almost always, none. These partial indexes hold only
-- the rows still to fill: normally empty, so they cost writers nothing.
CREATE INDEX awards_unfilled_recipient ON awards (tenant_id, id) WHERE recipient_name_fold IS NULL;
CREATE INDEX awards_without_code ON awards (tenant_id, id) WHERE verification_code IS NULL AND decision_number <> '';
