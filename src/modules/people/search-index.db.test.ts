import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type CompiledQuery } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, type BuiltOrganisation } from '../../testing/factories.ts';
import { bulkId, fillProvince } from '../../testing/bulk.ts';
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
  await fillProvince(handle.db, tenantId, root, 50, 5000);
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

  it('a query that could be an HR code also looks it up in people_code, OR-ed with the trigram name search', async () => {
    const query = peopleSearchQuery(handle.db, tenantId, {
      tokens: ['sh00010'], code: 'SH00010', prefixes: [root.path], asOf: '2026-01-01', page: 1, pageSize: 20,
    }).compile();
    const text = await plan(query);
    expect(text).toContain('people_name_fold');
    expect(text).toContain('people_code');
  });

  it('one unit\'s list is found through the path index, not by reading every organisation', async () => {
    const unitPath = `${root.path}${bulkId('8', 7)}/`;
    const query = peopleSearchQuery(handle.db, tenantId, { tokens: [], prefixes: [unitPath], asOf: '2026-01-01', page: 1, pageSize: 20 }).compile();
    const text = await plan(query);
    expect(text).toMatch(/Index (Only )?Scan using organisations_path/);
    expect(text).toMatch(/employments_organisation/);
  });
});
