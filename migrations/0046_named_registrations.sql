-- Registration by name (đăng ký thi đua, issue 17.7): a unit names, per title it registers for, the people and the
-- collectives who register, instead of counts only, and its head approves the registration. A save by the officer
-- waits for the head (awaiting_head); the head's approval makes it approved. Registrations saved before this
-- migration keep counts only and count as approved: they were sent as they stood.
ALTER TABLE movement_registrations
  ADD COLUMN status text NOT NULL DEFAULT 'approved',
  ADD COLUMN approved_by uuid,
  ADD COLUMN approved_at timestamptz,
  ADD CONSTRAINT movement_registrations_status_check CHECK (status IN ('awaiting_head', 'approved'));

-- who registers for which title: one row per title and person or collective (a person may register for two titles)
CREATE TABLE movement_registration_entries (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL,
  registration_id  uuid NOT NULL,
  award_form       text NOT NULL,
  person_id        uuid,
  organisation_id  uuid,
  name             text NOT NULL,
  position         integer NOT NULL,
  CONSTRAINT movement_registration_entries_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT movement_registration_entries_registration_fkey FOREIGN KEY (tenant_id, registration_id)
    REFERENCES movement_registrations (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT movement_registration_entries_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
  CONSTRAINT movement_registration_entries_organisation_fkey FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  CONSTRAINT movement_registration_entries_one_subject CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
CREATE UNIQUE INDEX movement_registration_entries_person ON movement_registration_entries (tenant_id, registration_id, award_form, person_id)
  WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX movement_registration_entries_collective ON movement_registration_entries (tenant_id, registration_id, award_form, organisation_id)
  WHERE organisation_id IS NOT NULL;
-- "what has this person registered for" from the person's side
CREATE INDEX movement_registration_entries_of_person ON movement_registration_entries (tenant_id, person_id) WHERE person_id IS NOT NULL;
