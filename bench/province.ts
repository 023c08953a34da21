// The benchmark province (not a benchmark itself): ~630 units (bench/seed.ts) and `people` people with
// realistic Vietnamese names and their employments, built once into a kept schema and reused while it
// has the size asked for. BENCH_REBUILD=1 builds it again; BENCH_PROVINCE_SCHEMA names another schema.
//   import { openProvince } from './province.ts';  const province = await openProvince(1_000_000);
// Names are drawn with demo/names.ts and folded and sort-keyed in TypeScript (nameColumns); the rows
// are made set-based (INSERT … SELECT over unnest and generate_series) with the secondary indexes
// dropped during the load and rebuilt after, as a bulk load would.
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { nameColumns } from '../src/modules/people/index.ts';
import { makeName, type Gender } from '../src/modules/demo/names.ts';
import { Rng } from '../src/modules/demo/random.ts';
import { buildUser, type BuiltOrganisation } from '../src/testing/factories.ts';
import { startTestApp, signIn } from '../src/testing/app.ts';
import { todayInVietnam } from '../src/platform/vn/dates.ts';
import { COUNT_CAP } from '../src/platform/paging.ts';
import { peopleCountQuery, peopleNameWalkQuery, peopleSearchQuery, type PeopleFilter } from '../src/modules/people/store.ts';
import { benchLine, spread, timeRuns } from './report.ts';
import { seconds, seedProvince, TENANT_ID } from './seed.ts';

/** The province officer every benchmark signs in as (standing officer at the province, reaches all of it). */
export const PROVINCE_OFFICER = 'thuongtruc.tinh';
/** distinct names drawn; person i takes name (i × 7919) mod NAMES */
const NAMES = 60_000;
const PEOPLE_TABLES = ['people', 'employments'];

export interface Province {
  client: pg.Client;
  handle: DatabaseHandle;
  schema: string;
  tenantId: string;
  root: BuiltOrganisation;
  /** the units below the districts, in path order */
  units: BuiltOrganisation[];
  people: number;
  close(): Promise<void>;
}

export async function openProvince(people: number): Promise<Province> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL: the benchmark province lives on PostgreSQL');
  const schema = process.env.BENCH_PROVINCE_SCHEMA ?? 'bench_province';
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema},public` });
  await client.connect();
  const label = `people=${people}`;
  const found = await client.query<{ label: string | null }>(
    `SELECT obj_description(oid, 'pg_namespace') AS label FROM pg_namespace WHERE nspname = $1`, [schema]);
  const reuse = found.rows[0]?.label === label && !process.env.BENCH_REBUILD;
  if (!reuse) {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
  }
  const handle = await openDatabase({ databaseUrl: url, schema });
  await migrate(handle.db);
  if (!reuse) {
    await build(client, handle, schema, people);
    // the label is the last thing written: a build stopped half-way is built again next time
    await client.query(`COMMENT ON SCHEMA ${schema} IS '${label}'`);
  } else {
    console.log(`province: reusing schema ${schema} (${label}); BENCH_REBUILD=1 builds it again`);
  }
  const orgs = await handle.db.selectFrom('organisations').select(['id', 'path', 'tenant_id as tenantId', 'name', 'parent_id'])
    .where('tenant_id', '=', TENANT_ID).orderBy('path').execute();
  const root = orgs.find((o) => o.parent_id === null)!;
  const units = orgs.filter((o) => o.parent_id !== null && o.parent_id !== root.id);
  return {
    client, handle, schema, tenantId: TENANT_ID, root, units, people,
    async close() { await handle.close(); await client.end(); },
  };
}

async function build(client: pg.Client, handle: DatabaseHandle, schema: string, people: number) {
  const started = performance.now();
  await client.query(`INSERT INTO tenants (id, code, name, kind) VALUES ($1, 'bench', 'Tỉnh Sơn Hà', 'province')`, [TENANT_ID]);
  const { root, orgs, units } = await seedProvince({ client, handle, schema, close: async () => {} });

  // ── names, drawn like the demo's: Kinh and minority names, both genders, folded and sort-keyed in TS ──
  let t = performance.now();
  const rng = new Rng(16);
  const cols = { family: [] as string[], middle: [] as string[], given: [] as string[], full: [] as string[], fold: [] as string[],
    sort: [] as string[], gender: [] as Gender[], ethnicity: [] as string[] };
  const ethnicities: [string, number][] = [['Kinh', 85], ['Thái', 4], ['Tày', 3], ['Mường', 3], ['Mông', 2], ['Dao', 2], ['Nùng', 1]];
  for (let i = 0; i < NAMES; i++) {
    const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
    const ethnicity = rng.weighted(ethnicities);
    const p = makeName(rng, gender, ethnicity);
    const c = nameColumns(p.fullName, { family: p.familyName, middle: p.middleName, given: p.givenName });
    cols.family.push(c.family_name); cols.middle.push(c.middle_name); cols.given.push(c.given_name); cols.full.push(c.full_name);
    cols.fold.push(c.name_fold); cols.sort.push(c.sort_key); cols.gender.push(gender); cols.ethnicity.push(ethnicity);
  }
  await client.query(`CREATE TEMP TABLE bench_names AS SELECT (ord - 1)::int AS n, family, middle, given, full_name, name_fold, sort_key, gender, ethnicity
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY
      AS x(family, middle, given, full_name, name_fold, sort_key, gender, ethnicity, ord)`,
  [cols.family, cols.middle, cols.given, cols.full, cols.fold, cols.sort, cols.gender, cols.ethnicity]);
  await client.query('CREATE UNIQUE INDEX ON bench_names (n)');
  const distinct = new Set(cols.full).size;
  console.log(`province: ${orgs.length} organisations, ${distinct.toLocaleString('en')} distinct full names: ${seconds(t)}`);

  // ── people and employments: secondary indexes dropped during the load, foreign keys not checked row by row ──
  t = performance.now();
  const indexes = await client.query<{ name: string; def: string }>(`SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = $1 AND i.tablename = ANY($2) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  [schema, PEOPLE_TABLES]);
  for (const index of indexes.rows) await client.query(`DROP INDEX ${index.name}`);
  await client.query('SET session_replication_role = replica');
  // every person has an HR code SH0000001…; 1 in 10 leads; 1 in 5 moved unit at the start of 2018
  await client.query(`INSERT INTO people (tenant_id, id, code, family_name, middle_name, given_name, full_name, name_fold, sort_key, gender, birth_year, ethnicity)
    SELECT $1::uuid, ('00000000-0000-7000-9000-' || lpad(i::text, 12, '0'))::uuid, 'SH' || lpad(i::text, 7, '0'),
      nm.family, nm.middle, nm.given, nm.full_name, nm.name_fold, nm.sort_key, nm.gender, 1962 + i % 40, nm.ethnicity
    FROM generate_series(1, $2::int) AS i JOIN bench_names nm ON nm.n = (i::bigint * 7919) % ${NAMES}`, [TENANT_ID, people]);
  const positions = `(ARRAY['Chuyên viên', 'Chuyên viên chính', 'Giáo viên', 'Bác sĩ', 'Nhân viên', 'Kế toán'])[1 + i % 6]`;
  await client.query(`INSERT INTO employments (tenant_id, id, person_id, organisation_id, position, is_leader, start_date, end_date)
    SELECT $1::uuid, ('00000000-0000-7000-a000-' || lpad(i::text, 12, '0'))::uuid, ('00000000-0000-7000-9000-' || lpad(i::text, 12, '0'))::uuid,
      u.id, CASE WHEN i % 10 = 0 THEN 'Trưởng phòng' ELSE ${positions} END, i % 10 = 0,
      CASE WHEN i % 5 = 0 THEN DATE '2018-01-01' ELSE DATE '2005-01-01' END, NULL
    FROM generate_series(1, $2::int) AS i JOIN bench_units u ON u.idx = (i::bigint * 31) % ${units}`, [TENANT_ID, people]);
  await client.query(`INSERT INTO employments (tenant_id, id, person_id, organisation_id, position, is_leader, start_date, end_date)
    SELECT $1::uuid, ('00000000-0000-7000-c000-' || lpad(i::text, 12, '0'))::uuid, ('00000000-0000-7000-9000-' || lpad(i::text, 12, '0'))::uuid,
      u.id, 'Chuyên viên', false, DATE '2005-01-01', DATE '2017-12-31'
    FROM generate_series(1, $2::int) AS i JOIN bench_units u ON u.idx = (i::bigint * 17 + 7) % ${units} WHERE i % 5 = 0`, [TENANT_ID, people]);
  await client.query('RESET session_replication_role');
  console.log(`province: ${people.toLocaleString('en')} people with employments inserted: ${seconds(t)}`);
  t = performance.now();
  await client.query('SET maintenance_work_mem = \'1GB\'');
  for (const index of indexes.rows) await client.query(index.def);
  console.log(`province: indexes rebuilt (${indexes.rows.map((i) => i.name).join(', ')}): ${seconds(t)}`);

  // a bulk-loaded table has no visibility map yet (autovacuum would make one): index-only scans need it
  t = performance.now();
  await client.query('VACUUM ANALYZE organisations, people, employments, residences');
  const rootOrg: BuiltOrganisation = { id: root.id!, path: root.path!, tenantId: TENANT_ID, name: root.name! };
  await buildUser(handle.db, TENANT_ID, 'standing_officer', rootOrg, { username: PROVINCE_OFFICER });
  await sql`ANALYZE users, role_grants`.execute(handle.db);
  console.log(`province: VACUUM ANALYZE and the officer: ${seconds(t)}; built in ${seconds(started)}`);
}

/** A search of the people list as the route gets it (`url`) and as the store's filter (for the bare SQL). */
export interface PeopleCase { name: string; url: string; filter: Omit<PeopleFilter, 'asOf' | 'prefixes'> & { prefixes?: string[] } }

/**
 * Times each case through the real route (GET /api/people, in-process inject, signed in as the province
 * officer) and as the bare SQL the route sends (the page, and the capped count when the page does not tell
 * the total), `runs` times each; prints each case and the indexes its page plan uses, then the benchLine.
 */
export async function timePeopleList(benchName: string, province: Province, cases: PeopleCase[], runs: number) {
  const { app, clock } = await startTestApp(province.handle);
  try {
    const officer = await signIn(app, PROVINCE_OFFICER);
    const asOf = todayInVietnam(clock.now());
    const allApp: number[] = [];
    const allBare: number[] = [];
    for (const c of cases) {
      const filter: PeopleFilter = { ...c.filter, prefixes: c.filter.prefixes ?? [province.root.path], asOf };
      let answer: { items: unknown[]; total: number; totalCapped?: boolean } = { items: [], total: 0 };
      const appTimes = await timeRuns(runs, async () => {
        const response = await officer.request({ method: 'GET', url: `/api/people?${c.url}` });
        if (response.statusCode !== 200) throw new Error(`${c.url}: ${response.statusCode} ${response.body}`);
        answer = response.json();
      });
      // the same statements the route sends: a name search first walks the name order, and asks the trigram index
      // only when the walk does not fill the page (people/store.ts searchPeople)
      const walks = filter.tokens.length > 0 && filter.code === undefined;
      const walk = peopleNameWalkQuery(province.handle.db, province.tenantId, filter).compile();
      const search = peopleSearchQuery(province.handle.db, province.tenantId, filter).compile();
      const count = peopleCountQuery(province.handle.db, province.tenantId, filter, COUNT_CAP + 1).compile(province.handle.db);
      let page = search;
      const bareTimes = await timeRuns(runs, async () => {
        let rows = walks ? (await province.client.query(walk.sql, [...walk.parameters])).rowCount ?? 0 : 0;
        page = walks && rows > filter.pageSize ? walk : search;
        if (page === search) rows = (await province.client.query(search.sql, [...search.parameters])).rowCount ?? 0;
        if (rows > filter.pageSize || (rows === 0 && filter.page > 1)) await province.client.query(count.sql, [...count.parameters]);
      });
      const plan = (await province.client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${page.sql}`, [...page.parameters])).rows.map((r) => r['QUERY PLAN']).join('\n');
      const indexes = [...new Set([...plan.matchAll(/(?:using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1]))].join(', ');
      console.log(`${c.name.padEnd(34)} app ${spread(appTimes)}; bare ${spread(bareTimes)}; ${answer.items.length} shown of `
        + `${answer.totalCapped ? 'more than ' : ''}${answer.total}; ${page === walk ? 'name-order walk: ' : ''}${indexes}`);
      allApp.push(...appTimes);
      allBare.push(...bareTimes);
    }
    benchLine(benchName, allApp, allBare);
  } finally {
    await app.close();
  }
}
