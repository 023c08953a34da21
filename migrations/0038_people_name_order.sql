-- A name search walks a tenant's people in name order on this index alone (sort key, id, then the folded name and
-- gender it tests without reading the table): a common name's first page is among the first few thousand entries.
-- It serves everything people_sort_key did (tenant_id, sort_key first), which it replaces.
CREATE INDEX people_name_order ON people (tenant_id, sort_key, id) INCLUDE (name_fold, gender);
DROP INDEX people_sort_key;
