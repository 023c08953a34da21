-- Councils and clusters kept by the agency itself (issue 14.2): until now only the demo loader wrote them.
-- An import file names a council and a cluster by a code the agency chooses (mã hội đồng, mã cụm/khối), as
-- it names units and people; a re-import by code updates in place. `version` is the optimistic lock of
-- the edit screens: an edit names the version it read, and a stale one is refused with 409.

-- the level a council serves (Trung ương, tỉnh, huyện, xã); its term is valid_from..valid_to
ALTER TABLE councils ADD COLUMN code text;
ALTER TABLE councils ADD COLUMN level text CHECK (level IN ('central', 'province', 'district', 'commune'));
ALTER TABLE councils ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE councils ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE UNIQUE INDEX councils_code ON councils (tenant_id, code) WHERE code IS NOT NULL;

-- a member's own term on the council (a member may be replaced mid-term); empty: the council's term
ALTER TABLE council_members ADD COLUMN term_from date;
ALTER TABLE council_members ADD COLUMN term_to date;
ALTER TABLE council_members ADD CONSTRAINT council_members_term CHECK (term_to IS NULL OR term_from IS NULL OR term_to >= term_from);

-- a cluster or block keeps its code across years; its members, head and follower are per year.
-- closed_on: the day it was dissolved (it keeps its past years and score sheets)
ALTER TABLE clusters ADD COLUMN code text;
ALTER TABLE clusters ADD COLUMN closed_on date;
ALTER TABLE clusters ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE clusters ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE UNIQUE INDEX clusters_code ON clusters (tenant_id, code) WHERE code IS NOT NULL;
