import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type CompiledQuery } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, type BuiltOrganisation } from '../../testing/factories.ts';
import { bulkId, fillProvince } from '../../testing/bulk.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { COUNT_CAP } from '../../platform/paging.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import { buildUser } from '../../testing/factories.ts';
import { countPeople, peopleNameWalkQuery, peopleSearchQuery, searchPeople, type PeopleFilter } from './store.ts';

let handle: DatabaseHandle;
let tenantId: string;
let root: BuiltOrganisation;
let close: () => Promise<void>;
let officer: Session;

/** 5,000 people in 50 units, made set-based in SQL, then ANALYZEd so the planner sees real sizes. */
beforeAll(async () => {
  handle = await openTestDatabase();
  tenantId = (await buildTenant(handle.db)).id;
  root = await buildOrganisation(handle.db, tenantId, null);
  await fillProvince(handle.db, tenantId, root, 50, 5000);
  const { app } = await startTestApp(handle);
  close = () => app.close();
  await buildUser(handle.db, tenantId, 'standing_officer', root, { username: 'thuongtruc.bulk' });
  officer = await signIn(app, 'thuongtruc.bulk');
});
afterAll(async () => { await close(); await handle.close(); });

interface ListAnswer { items: { id: string }[]; total: number; totalCapped: boolean; hasNext: boolean }
const list = async (query: string) => {
  const response = await officer.request({ method: 'GET', url: `/api/people?asOf=2026-01-01&${query}` });
  expect(response.statusCode).toBe(200);
  return response.json() as ListAnswer;
};

describe('lists never count more than they show', () => {
  it('5,000 people: the total says "more than 1,000", and a next page is known', async () => {
    const first = await list('pageSize=20');
    expect(first.items).toHaveLength(20);
    expect(first).toMatchObject({ total: COUNT_CAP, totalCapped: true, hasNext: true });
  });

  it('below the cap the total is exact: one unit\'s 100 people, and its last page says there is no next', async () => {
    const unit = bulkId('8', 7);
    const first = await list(`organisationId=${unit}&pageSize=30`);
    expect(first).toMatchObject({ total: 100, totalCapped: false, hasNext: true });
    const last = await list(`organisationId=${unit}&pageSize=30&page=4`);
    expect(last.items).toHaveLength(10);
    expect(last).toMatchObject({ total: 100, totalCapped: false, hasNext: false });
  });

  it('the pages join up: page 2 starts where page 1 ended, in name order, without repeating anyone', async () => {
    const one = await list('pageSize=50');
    const two = await list('pageSize=50&page=2');
    const both = await list('pageSize=100');
    expect([...one.items, ...two.items].map((p) => p.id)).toEqual(both.items.map((p) => p.id));
  });

  it('a page past the end is empty and still says how many there are', async () => {
    const unit = bulkId('8', 7);
    expect(await list(`organisationId=${unit}&pageSize=30&page=9`)).toMatchObject({ items: [], total: 100, totalCapped: false, hasNext: false });
  });

  it('the page is fetched with one row more than it shows, and the count stops at its bound', async () => {
    const filter = { tokens: [], prefixes: [root.path], asOf: '2026-01-01', page: 1, pageSize: 20 };
    expect(await peopleSearchQuery(handle.db, tenantId, filter).execute()).toHaveLength(21);
    expect(await countPeople(handle.db, tenantId, filter, COUNT_CAP + 1)).toBe(COUNT_CAP + 1);
    expect(await countPeople(handle.db, tenantId, filter, 10_000)).toBe(5000);
  });

  it('a name search gives the same page whether the name-order walk or the trigram index answers it', async () => {
    const search = (tokens: string[], page = 1): PeopleFilter => ({ tokens, prefixes: [root.path], asOf: '2026-01-01', page, pageSize: 20 });
    // everyone matches "ho dem": the walk fills the page; one person's md5 fragment: it does not, the trigram index answers
    const rare = (await handle.db.selectFrom('people').select('name_fold').where('tenant_id', '=', tenantId).orderBy('sort_key').offset(777).limit(1)
      .executeTakeFirstOrThrow()).name_fold.split(' ').at(-1)!.slice(0, 10);
    for (const filter of [search(['ho', 'dem']), search(['ho', 'dem'], 3), search([rare]), search(['ten', '1'])]) {
      const walked = await peopleNameWalkQuery(handle.db, tenantId, filter).execute();
      const indexed = await peopleSearchQuery(handle.db, tenantId, filter).execute();
      const shown = await searchPeople(handle.db, tenantId, filter);
      expect(shown.rows.map((r) => r.id), filter.tokens.join(' ')).toEqual(indexed.slice(0, 20).map((r) => r.id));
      // the walk, when it comes back full, is the same page as the index's
      if (walked.length === 21) expect(walked.map((r) => r.id)).toEqual(indexed.map((r) => r.id));
    }
    expect((await peopleNameWalkQuery(handle.db, tenantId, search(['ho', 'dem'])).execute())).toHaveLength(21);
    expect((await peopleNameWalkQuery(handle.db, tenantId, search([rare])).execute()).length).toBeLessThan(21);
  });

  it('a name search below the cap counts exactly', async () => {
    const all = await list('q=a1b2c&pageSize=200');
    expect(all.totalCapped).toBe(false);
    expect(all.total).toBe(all.items.length);
  });
});

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

  it('a name is looked up in the trigram index first, into the CTE of matches, whose employments are then probed one by one', async () => {
    const compiled = peopleSearchQuery(handle.db, tenantId, {
      tokens: ['ho', 'a1b'], prefixes: [root.path], asOf: '2026-01-01', page: 1, pageSize: 20,
    }).compile();
    const text = await plan(compiled);
    // the CTE of matches is answered by the trigram index, and the employments are probed per match, not scanned
    expect(text).toMatch(/CTE matched\n\s+->\s+Bitmap Heap Scan on people[\s\S]*Bitmap Index Scan on people_name_fold/);
    expect(text).not.toMatch(/Seq Scan on employments/);
  });

  it('a common name is walked in name order on people_name_order, and only the page\'s employments are probed', async () => {
    const compiled = peopleNameWalkQuery(handle.db, tenantId, {
      tokens: ['ho', 'dem'], prefixes: [root.path], asOf: '2026-01-01', page: 1, pageSize: 20,
    }).compile();
    const text = await plan(compiled);
    expect(text).toMatch(/Index (Only )?Scan using people_name_order on people/);
    expect(text).not.toMatch(/Seq Scan on employments/);
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
