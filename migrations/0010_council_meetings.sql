-- Council meetings (phiên họp Hội đồng Thi đua – Khen thưởng) and the secret ballot.
-- The receiving level's standing agency convenes its organisation's council for a date, with the compiled
-- list of accepted candidates as the agenda; members vote yes / no / abstain on each item.
--
-- Anonymity by construction: who has voted on an item (council_ballots_cast) and how the item was voted
-- (the counters on council_agenda_items) are kept apart. There is no per-vote row, no vote timestamp, no id
-- or sequence on a cast ballot, no updated_at on the counters, and the audit log only says that a member
-- cast their ballot in a meeting. Nothing stored links a member to a choice. (Out of reach of the app: a
-- database superuser reading dead row versions or the WAL with storage tools could line up successive
-- counter values with transactions; keep statement logging of writes off and access to the server's
-- storage as restricted as the ballot box.)

CREATE TABLE council_meetings (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  -- the receiving level whose council meets (its standing agency convenes it)
  organisation_id  uuid NOT NULL,
  council_id       uuid NOT NULL,
  meeting_date     date NOT NULL,
  -- 'HH:MM', as the minutes print it ("Vào hồi 14 giờ 00")
  starts_at        text NOT NULL DEFAULT '' CHECK (starts_at = '' OR starts_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  -- the room, and the place name of the minutes' date line ("Sơn La, ngày …")
  location         text NOT NULL DEFAULT '',
  place            text NOT NULL DEFAULT '',
  status           text NOT NULL CHECK (status IN ('planned', 'voting', 'closed')),
  opened_at        timestamptz,
  closed_at        timestamptz,
  created_by       uuid,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, council_id) REFERENCES councils (tenant_id, id)
);
CREATE INDEX council_meetings_organisation ON council_meetings (tenant_id, organisation_id, meeting_date);
CREATE INDEX council_meetings_voting ON council_meetings (tenant_id, status) WHERE status <> 'closed';

-- One candidate on the agenda, with the running tallies (one UPDATE per ballot) and the outcome. The
-- procedure (threshold, denominator, secret or not) is copied when voting opens: a later change of the
-- tenant's settings does not move the goalposts of a ballot under way.
CREATE TABLE council_agenda_items (
  tenant_id          uuid NOT NULL REFERENCES tenants (id),
  id                 uuid NOT NULL,
  meeting_id         uuid NOT NULL,
  candidate_id       uuid NOT NULL,
  batch_id           uuid NOT NULL,
  award_form         text NOT NULL REFERENCES award_forms (code),
  secret_ballot      boolean,
  threshold_percent  numeric(5, 2),
  threshold_of       text CHECK (threshold_of IN ('members', 'present')),
  yes_count          integer NOT NULL DEFAULT 0 CHECK (yes_count >= 0),
  no_count           integer NOT NULL DEFAULT 0 CHECK (no_count >= 0),
  abstain_count      integer NOT NULL DEFAULT 0 CHECK (abstain_count >= 0),
  outcome            text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'passed', 'failed', 'deferred')),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES council_meetings (tenant_id, id),
  FOREIGN KEY (tenant_id, candidate_id) REFERENCES nomination_candidates (tenant_id, id),
  FOREIGN KEY (tenant_id, batch_id) REFERENCES nomination_batches (tenant_id, id)
);
CREATE UNIQUE INDEX council_agenda_items_candidate ON council_agenda_items (tenant_id, meeting_id, candidate_id);
CREATE INDEX council_agenda_items_of_candidate ON council_agenda_items (tenant_id, candidate_id);

-- The council's members on the meeting date (frozen when the meeting is created) and who attends.
CREATE TABLE council_attendance (
  tenant_id    uuid NOT NULL REFERENCES tenants (id),
  meeting_id   uuid NOT NULL,
  person_id    uuid NOT NULL,
  role         text NOT NULL,
  present      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, meeting_id, person_id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES council_meetings (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id)
);
CREATE INDEX council_attendance_person ON council_attendance (tenant_id, person_id);

-- A member who is the candidate, or heads the candidate's unit, does not vote on that item.
CREATE TABLE council_recusals (
  tenant_id    uuid NOT NULL REFERENCES tenants (id),
  item_id      uuid NOT NULL,
  person_id    uuid NOT NULL,
  reason       text NOT NULL CHECK (reason IN ('is_candidate', 'heads_unit')),
  -- the unit headed, as the minutes state it
  detail       text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, item_id, person_id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES council_agenda_items (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id)
);

-- Who has cast their ballot on an item: only to refuse a second vote. Deliberately no id, no time, no
-- sequence and no choice (see the top of this file).
CREATE TABLE council_ballots_cast (
  tenant_id    uuid NOT NULL REFERENCES tenants (id),
  item_id      uuid NOT NULL,
  person_id    uuid NOT NULL,
  PRIMARY KEY (tenant_id, item_id, person_id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES council_agenda_items (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id)
);
