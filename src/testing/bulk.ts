import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { BuiltOrganisation } from './factories.ts';

/** Deterministic ids for bulk rows: kind digit + sequence number, so joins can be made in SQL. */
export const bulkId = (kind: '8' | '9' | 'a', i: number) => `00000000-0000-7000-${kind}000-${String(i).padStart(12, '0')}`;

/**
 * Fills a province with `units` sub-units and `people` people employed round-robin in them, set-based
 * in SQL (no round trip per row), then ANALYZEs so plans reflect the sizes. For index tests and benches.
 */
export async function fillProvince(db: Kysely<Database>, tenantId: string, root: BuiltOrganisation, units: number, people: number) {
  await sql`
    INSERT INTO organisations (tenant_id, id, parent_id, path, depth, name, name_fold, sort_key, kind, level, valid_from)
    SELECT ${tenantId}::uuid, ('00000000-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, ${root.id}::uuid,
           ${root.path} || '00000000-0000-7000-8000-' || lpad(i::text, 12, '0') || '/', 1,
           'Phòng ' || i, 'phong ' || i, 'p' || lpad(i::text, 6, '0'), 'sub_unit', 'province', '2000-01-01'
    FROM generate_series(1, ${units}::int) AS i`.execute(db);
  await sql`
    INSERT INTO people (tenant_id, id, family_name, middle_name, given_name, full_name, name_fold, sort_key, gender)
    SELECT ${tenantId}::uuid, ('00000000-0000-7000-9000-' || lpad(i::text, 12, '0'))::uuid, 'Họ', 'Đệm', 'Tên ' || i,
           'Họ Đệm Tên ' || i, 'ho dem ten ' || md5(i::text), md5(i::text), CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END
    FROM generate_series(1, ${people}::int) AS i`.execute(db);
  await sql`
    INSERT INTO employments (tenant_id, id, person_id, organisation_id, position, is_leader, start_date)
    SELECT ${tenantId}::uuid, ('00000000-0000-7000-a000-' || lpad(i::text, 12, '0'))::uuid,
           ('00000000-0000-7000-9000-' || lpad(i::text, 12, '0'))::uuid,
           ('00000000-0000-7000-8000-' || lpad((1 + i % ${units}::int)::text, 12, '0'))::uuid, 'Chuyên viên', i % 10 = 0, '2010-01-01'
    FROM generate_series(1, ${people}::int) AS i`.execute(db);
  await sql`ANALYZE`.execute(db);
}
