-- A rating, initiative or discipline names exactly one subject (CHECK), and the subject's own key carries the tenant:
-- (tenant_id, person_id) → people and (tenant_id, organisation_id) → organisations, each of which references tenants.
-- The direct key to tenants proved nothing more and cost a locked lookup of the tenant's row for every record
-- written: a quarter of a million-row import's time (issue 16). The subject keys stay.
ALTER TABLE annual_ratings DROP CONSTRAINT annual_ratings_tenant_id_fkey;
ALTER TABLE initiatives DROP CONSTRAINT initiatives_tenant_id_fkey;
ALTER TABLE disciplines DROP CONSTRAINT disciplines_tenant_id_fkey;
