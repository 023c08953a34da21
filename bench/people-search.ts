// Benchmark: the people list's searches on a province-sized table, on PGlite or DATABASE_URL.
//   npx tsx bench/people-search.ts [people=100000] [units=500]
// Prints the time of each search (median of 5) and the indexes its plan uses.
import { sql, type CompiledQuery } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { buildOrganisation, buildTenant } from '../src/testing/factories.ts';
import { bulkId, fillProvince } from '../src/testing/bulk.ts';
import { peopleSearchQuery, type PeopleFilter } from '../src/modules/people/store.ts';

const people = Number(process.argv[2] ?? 100_000);
const units = Number(process.argv[3] ?? 500);
const schema = `bench_${process.pid}`;
const url = process.env.DATABASE_URL;

if (url) {
  const admin = await openDatabase({ databaseUrl: url });
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`.execute(admin.db);
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
}
const handle = await openDatabase(url ? { databaseUrl: url, schema } : { pgliteDir: 'memory://' });
try {
  await migrate(handle.db);
  const tenantId = (await buildTenant(handle.db)).id;
  const root = await buildOrganisation(handle.db, tenantId, null);
  let t = performance.now();
  await fillProvince(handle.db, tenantId, root, units, people);
  console.log(`${handle.kind}: ${people} people in ${units} units loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const base: PeopleFilter = { tokens: [], prefixes: [root.path], asOf: '2026-01-01', page: 1, pageSize: 20 };
  const cases: [string, PeopleFilter][] = [
    ['whole province, first page', base],
    ['one unit', { ...base, prefixes: [`${root.path}${bulkId('8', 7)}/`] }],
    ['name search, 1 token (rare)', { ...base, tokens: ['a1b2c'] }],
    ['name search, 2 tokens', { ...base, tokens: ['dem', 'ten 3f'] }],
    ['leaders of the province, page 50', { ...base, leader: true, page: 50 }],
  ];
  for (const [name, filter] of cases) {
    const query = peopleSearchQuery(handle.db, tenantId, filter);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      rows = (await query.execute()).length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const compiled: CompiledQuery = query.compile();
    const plan = (await handle.db.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `EXPLAIN ${compiled.sql}` }))
      .rows.map((r) => r['QUERY PLAN']).join('\n');
    const indexes = [...new Set([...plan.matchAll(/using (\w+)|on (\w+)\s+\(/g)].map((m) => m[1] ?? m[2]))].join(', ');
    console.log(`${name.padEnd(36)} ${times[2]!.toFixed(1).padStart(8)} ms  rows=${rows}  ${indexes}`);
  }
} finally {
  if (url) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(handle.db);
  await handle.close();
}
