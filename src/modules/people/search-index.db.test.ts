import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type CompiledQuery } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, type BuiltOrganisation } from '../../testing/factories.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { peopleSearchQuery } from './store.ts';

let handle: DatabaseHandle;
let tenantId: string;
let root: BuiltOrganisation;

/** 5,000 people in 50 units, made set-based in SQL, then ANALYZEd so the planner sees real sizes. */
beforeAll(async () => {
  handle = await openTestDatabase();
  tenantId = (await buildTenant(handle.db)).id;
  root = await buildOrganisation(handle.db, tenantId, null);
  await sql`
    INSERT INTO organisations (tenant_id, id, parent_id, path, depth, name, name_fold, sort_key, kind, level, valid_from)
    SELECT ${tenantId}::uuid, ('00000000-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, ${root.id}::uuid,
           ${root.path} || '00000000-0000-7000-8000-' || lpad(i::text, 12, '0') || '/', 1,
           'Phòng ' || i, 'phong ' || i, 'p' || lpad(i::text, 4, '0'), 'sub_unit', 'province', '2000-01-01'
    FROM generate_series(1, 50) AS i`.execute(handle.db);
  await sql`
    INSERT INTO people (tenant_id, id, family_name, middle_name, given_name, full_name, name_fold, sort_key, gender)
    SELECT ${tenantId}::uuid, ('00000000-0000-7000-9000-' || lpad(i::text, 12, '0'))::uuid, 'Họ', 'Đệm', 'Tên ' || i,
           'Họ Đệm Tên ' || i, 'ho dem ten ' || md5(i::text), md5(i::text), 'male'
    FROM generate_series(1, 5000) AS i`.execute(handle.db);
  await sql`
    INSERT INTO employments (tenant_id, id, person_id, organisation_id, position, start_date)
    SELECT ${tenantId}::uuid, ('00000000-0000-7000-a000-' || lpad(i::text, 12, '0'))::uuid,
           ('00000000-0000-7000-9000-' || lpad(i::text, 12, '0'))::uuid,
           ('00000000-0000-7000-8000-' || lpad((1 + i % 50)::text, 12, '0'))::uuid, 'Chuyên viên', '2010-01-01'
    FROM generate_series(1, 5000) AS i`.execute(handle.db);
  await sql`ANALYZE`.execute(handle.db);
});
afterAll(async () => { await handle.close(); });

/**
 * The plan when whole-table scans are priced out: on test-sized tables a scan is cheapest, so this
 * proves an index *can* answer the query; bench/people-search.ts shows the plans at province scale.
 */
async function plan(compiled: CompiledQuery): Promise<string> {
  return handle.db.connection().execute(async (conn) => {
    await sql`SET enable_seqscan = off`.execute(conn);
    try {
      const result = await conn.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `EXPLAIN ${compiled.sql}` });
      return result.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await sql`RESET enable_seqscan`.execute(conn);
    }
  });
}

describe('every search the people list offers has an index', () => {
  it('the unaccented name search is answered by the trigram index on the folded name', async () => {
    const query = peopleSearchQuery(handle.db, tenantId, {
      tokens: ['a1b2c'], prefixes: [root.path], asOf: '2026-01-01', page: 1, pageSize: 20,
    }).compile();
    expect(await plan(query)).toContain('people_name_fold');
  });

  it('one unit\'s list is found through the path index, not by reading every organisation', async () => {
    const unitPath = `${root.path}00000000-0000-7000-8000-000000000007/`;
    const query = peopleSearchQuery(handle.db, tenantId, { tokens: [], prefixes: [unitPath], asOf: '2026-01-01', page: 1, pageSize: 20 }).compile();
    const text = await plan(query);
    expect(text).toMatch(/Index (Only )?Scan using organisations_path/);
    expect(text).toMatch(/employments_organisation/);
  });
});
