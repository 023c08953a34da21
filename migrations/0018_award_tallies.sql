-- Statistics over many years (issue 6): counting millions of awards on each request reads a gigabyte of
-- index for a province's whole history. A tally holds, per tenant, scope, year, recipient path and award
-- form, what the statistics page shows: how many awards, of them to individuals, non-leaders, direct
-- workers, women and ethnic minorities, and the money. A province over 18 years is ~61,000 rows per scope
-- however many awards it has.
--
-- A scope is the filter the page offers (one per request): 'all', 'individual', 'collective', and the
-- groups 'non_leader', 'direct_worker', 'female', 'ethnic_minority' (individuals only). An award counts
-- in 'all', in its kind and in each group it belongs to, so that a filtered view still has the joint
-- figures (women among non-leaders). Revoked awards and awards without a recipient path count nowhere.
--
-- Kept right by the app in the writer's own transaction (archive/tallies.ts retallyAwards: the awards'
-- counts taken out before a write and put back after), never by a trigger.
CREATE TABLE award_tallies (
  tenant_id uuid NOT NULL,
  scope text NOT NULL CHECK (scope IN ('all', 'individual', 'collective', 'non_leader', 'direct_worker', 'female', 'ethnic_minority')),
  year integer NOT NULL,
  recipient_path text COLLATE "C" NOT NULL,
  award_form text NOT NULL,
  awards integer NOT NULL,
  individuals integer NOT NULL,
  non_leaders integer NOT NULL,
  direct_workers integer NOT NULL,
  women integer NOT NULL,
  ethnic_minorities integer NOT NULL,
  money bigint NOT NULL,
  -- awards with the money recorded (the rest have none on file)
  priced integer NOT NULL,
  PRIMARY KEY (tenant_id, scope, year, recipient_path, award_form)
);

-- THE rule of what an award adds to which tally row: one row per scope it counts in. Read by the
-- start-up fill below, by every write (retallyAwards) and by the drift check the tests run.
CREATE VIEW award_tally_entries AS
SELECT f.tenant_id, f.id, f.person_id, f.organisation_id, s.scope, f.year, f.recipient_path, f.award_form,
  f.individual, f.non_leader, f.direct_worker, f.female, f.ethnic_minority, f.amount
FROM (
  SELECT a.tenant_id, a.id, a.person_id, a.organisation_id, a.year, a.recipient_path, a.award_form, a.amount,
    a.person_id IS NOT NULL AS individual,
    (a.person_id IS NOT NULL AND a.recipient_leader IS FALSE) AS non_leader,
    coalesce(a.recipient_direct_worker, false) AS direct_worker,
    coalesce(a.recipient_female, false) AS female,
    coalesce(a.recipient_ethnic_minority, false) AS ethnic_minority
  FROM awards a
  WHERE a.revoked_on IS NULL AND a.recipient_path IS NOT NULL
) f
CROSS JOIN LATERAL (VALUES ('all', true), ('individual', f.individual), ('collective', NOT f.individual),
  ('non_leader', f.non_leader), ('direct_worker', f.direct_worker), ('female', f.female),
  ('ethnic_minority', f.ethnic_minority)) AS s (scope, counts)
WHERE s.counts;

INSERT INTO award_tallies (tenant_id, scope, year, recipient_path, award_form, awards, individuals, non_leaders,
  direct_workers, women, ethnic_minorities, money, priced)
SELECT tenant_id, scope, year, recipient_path, award_form, count(*), count(*) FILTER (WHERE individual),
  count(*) FILTER (WHERE non_leader), count(*) FILTER (WHERE direct_worker), count(*) FILTER (WHERE female),
  count(*) FILTER (WHERE ethnic_minority), coalesce(sum(amount), 0), count(amount)
FROM award_tally_entries
GROUP BY tenant_id, scope, year, recipient_path, award_form;
