-- Sealed ballots (issue 15.3): the secret ballot unlinkable at the database level too.
--
-- Before: each ballot wrote the member's council_ballots_cast row, their audit row and one UPDATE of the item's
-- counters in one transaction. Rows written by one transaction share xmin, so anyone with SELECT watching the
-- counters could name the member behind each change, dead row versions (pageinspect) rebuilt every choice, and
-- the physical order of council_ballots_cast gave the order of voting.
--
-- Now (council/ballot-box.ts, docs/ARCHITECTURE.md "The secret ballot"):
-- * When voting opens, one transaction drops one ballot paper per member who may vote on each item into the box:
--   an anonymous row keyed by token_hash = HMAC(meeting key, item, member), in random order. The meeting key is
--   derived from the server's BALLOT_SECRET (never in the database) and this meeting's ballot_salt: a reader of
--   the database cannot tell whose paper a row is.
-- * A vote writes ONLY the member's papers: `sealed` = AES-256-GCM of the choice under the meeting key (fixed
--   length whatever the choice). No counter, no "has voted" row, no audit row naming the member: the paper's
--   xmin is shared with nothing that names anyone, and what it holds cannot be read without the key. A paper
--   already sealed refuses a second vote.
-- * Closing, in one transaction: open every paper, write each item's counters once, write who took part
--   (council_ballots_cast, sorted by item and member, all with the close's xmin), empty the box and forget the
--   salt: the live tables no longer hold what the key is made from (dead versions of the salt stay on disk until
--   vacuum and WAL recycling, useless without BALLOT_SECRET).

CREATE TABLE council_ballot_box (
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  item_id     uuid NOT NULL,
  -- base64url HMAC-SHA256 of the item and the member under the meeting key: no member id, no time, no sequence
  token_hash  text NOT NULL,
  -- NULL until cast; then base64url(iv ‖ tag ‖ ciphertext) of one byte, the same length for every choice
  sealed      text,
  PRIMARY KEY (tenant_id, item_id, token_hash),
  FOREIGN KEY (tenant_id, item_id) REFERENCES council_agenda_items (tenant_id, id)
);

-- Random, set when voting opens, cleared at the close (with BALLOT_SECRET it makes the meeting key).
ALTER TABLE council_meetings ADD COLUMN ballot_salt text;
