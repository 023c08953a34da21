-- E-mail: an account's address and how its holder wants notices by e-mail: each as it happens ('each'),
-- one digest a day ('digest') or none. The outbox is dispatched to the job queue once (published_at).
ALTER TABLE users ADD COLUMN email text;

ALTER TABLE users ADD COLUMN email_notices text NOT NULL DEFAULT 'each';

ALTER TABLE users ADD CONSTRAINT users_email_notices_check CHECK (email_notices IN ('each', 'digest', 'none'));

-- The end of the last daily digest sent to the account (digests cover what came in since then).
ALTER TABLE users ADD COLUMN email_digest_through timestamptz;
