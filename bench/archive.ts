// Benchmark: the award archive search (GET /api/archive/awards) on a province-sized awards table, on PostgreSQL.
//   npm run bench -- archive [awards=5000000] [people=1000000] [searches=240]
// Builds a throw-away schema, seeds people with Vietnamese names (src/modules/demo/names.ts, folded and
// sort-keyed in TypeScript), ~630 organisations in districts, and `awards` awards set-based
// (INSERT … SELECT generate_series), ANALYZEs, then times `searches` searches by unaccented name with
// random filters (award form, years, unit subtree, revoked) twice: through the route a person waits for
// (GET /api/archive/awards, signed in, via the in-process app), and as the same compiled SQL sent directly with pg. Prints p50/p95/max.
// BENCH_KEEP=1 keeps the schema afterwards (to look at plans by hand); drop it yourself.
import type { Actor } from '../src/platform/auth/policy.ts';
import { benchLine, percentile } from './report.ts';
import { Rng } from '../src/modules/demo/random.ts';
import { archiveFilter, type ArchiveQuery } from '../src/modules/archive/service.ts';
import { signIn, startTestApp } from '../src/testing/app.ts';
import { buildUser } from '../src/testing/factories.ts';
import { archiveQuery } from '../src/modules/archive/store.ts';
import { DEFAULT_PAGE_SIZE } from '../src/modules/archive/model.ts';
import { benchId as id, benchNames, bulkLoadAwards, openBenchSchema, seconds, seedProvince, TENANT_ID as tenantId } from './seed.ts';

const AWARDS = Number(process.argv[2] ?? 5_000_000);
const PEOPLE = Number(process.argv[3] ?? 1_000_000);
const SEARCHES = Number(process.argv[4] ?? 240);
const NAMES = 200_000;

const bench = await openBenchSchema('bench_archive');
const { client, handle } = bench;
try {
  // ── organisations: a province, districts, units (bench/seed.ts) ──
  let t = performance.now();
  const { root, orgs, units } = await seedProvince(bench);

  // ── names: 200,000 drawn like the demo's (Kinh and minority names), folded and sort-keyed in TS ──
  const cols = benchNames(NAMES, 20260);
  await client.query(`CREATE TEMP TABLE bench_names AS SELECT (ord - 1)::int AS n, family, middle, given, full_name, name_fold, sort_key, gender
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
      AS x(family, middle, given, full_name, name_fold, sort_key, gender, ord)`,
  [cols.family, cols.middle, cols.given, cols.full, cols.fold, cols.sort, cols.gender]);
  await client.query('CREATE UNIQUE INDEX ON bench_names (n)');

  // ── people and employments: 1 in 5 moved unit at the start of 2018 ──
  await client.query('SET maintenance_work_mem = \'1GB\'');
  await client.query(`INSERT INTO people (tenant_id, id, family_name, middle_name, given_name, full_name, name_fold, sort_key, gender, birth_year)
    SELECT $1::uuid, ('00000000-0000-7900-8000-' || lpad(i::text, 12, '0'))::uuid, nm.family, nm.middle, nm.given, nm.full_name, nm.name_fold, nm.sort_key,
      nm.gender, 1960 + i % 40
    FROM generate_series(1, $2::int) AS i JOIN bench_names nm ON nm.n = (i::bigint * 7919) % ${NAMES}`, [tenantId, PEOPLE]);
  const current = `(i::bigint * 31) % ${units}`;
  const previous = `(i::bigint * 17 + 7) % ${units}`;
  await client.query(`INSERT INTO employments (tenant_id, id, person_id, organisation_id, position, is_leader, start_date, end_date)
    SELECT $1::uuid, ('00000000-0000-7a00-8000-' || lpad(i::text, 12, '0'))::uuid, ('00000000-0000-7900-8000-' || lpad(i::text, 12, '0'))::uuid,
      u.id, 'Chuyên viên', i % 10 = 0, CASE WHEN i % 5 = 0 THEN DATE '2018-01-01' ELSE DATE '2005-01-01' END, NULL
    FROM generate_series(1, $2::int) AS i JOIN bench_units u ON u.idx = ${current}`, [tenantId, PEOPLE]);
  await client.query(`INSERT INTO employments (tenant_id, id, person_id, organisation_id, position, is_leader, start_date, end_date)
    SELECT $1::uuid, ('00000000-0000-7c00-8000-' || lpad(i::text, 12, '0'))::uuid, ('00000000-0000-7900-8000-' || lpad(i::text, 12, '0'))::uuid,
      u.id, 'Chuyên viên', false, DATE '2005-01-01', DATE '2017-12-31'
    FROM generate_series(1, $2::int) AS i JOIN bench_units u ON u.idx = ${previous} WHERE i % 5 = 0`, [tenantId, PEOPLE]);
  console.log(`organisations ${orgs.length}, people ${PEOPLE.toLocaleString('en')} with employments: ${seconds(t)}`);

  // ── awards: set-based, indexes dropped during the load and rebuilt after (as a bulk load would) ──
  {
    const collectives = Math.min(units * 16 * 2, Math.floor(AWARDS / 10));
    const personal = AWARDS - collectives;
    // person p gets award k (k = 0…) for a year of its own, so the natural key never repeats
    await bulkLoadAwards(bench, [
    { columns: ['tenant_id', 'id', 'person_id', 'award_form', 'year', 'basis', 'decision_number', 'decided_on', 'decided_by', 'revoked_on', 'revocation_number', 'created_at', 'updated_at', 'recipient_name_fold', 'recipient_sort_key', 'recipient_path'],
      select: `SELECT $1::uuid, ('00000000-0000-7d00-8000-' || lpad(g::text, 12, '0'))::uuid, ('00000000-0000-7900-8000-' || lpad(p::text, 12, '0'))::uuid,
        f.form, y.year, CASE WHEN h % 10 = 0 THEN 'thematic' ELSE 'merit' END,
        (1 + h % 900) || '/QĐ-' || f.issuer, d.decided_on, f.issued_by,
        CASE WHEN h % 100 = 0 THEN d.decided_on + 200 END, CASE WHEN h % 100 = 0 THEN (h % 50) || '/QĐ-THU-HOI' END, now(), now(),
        nm.name_fold, nm.sort_key, CASE WHEN p % 5 = 0 AND d.decided_on <= DATE '2017-12-31' THEN pu.path ELSE cu.path END
      FROM generate_series(1, $2::int) AS g
      CROSS JOIN LATERAL (SELECT 1 + (g - 1) % $3::int AS p, (g - 1) / $3::int AS k, abs(hashtext(g::text)) AS h) v
      CROSS JOIN LATERAL (SELECT 2008 + (v.k * 3) % 18 + v.p % 3 AS year) y
      CROSS JOIN LATERAL (SELECT make_date(y.year + 1, 1 + v.h % 4, 1 + v.h % 28) AS decided_on) d
      CROSS JOIN LATERAL (SELECT CASE WHEN v.h % 100 < 50 THEN 'lao_dong_tien_tien' WHEN v.h % 100 < 68 THEN 'giay_khen'
          WHEN v.h % 100 < 80 THEN 'chien_si_thi_dua_co_so' WHEN v.h % 100 < 93 THEN 'bang_khen_tinh'
          WHEN v.h % 100 < 98 THEN 'chien_si_thi_dua_tinh' ELSE 'bang_khen_thu_tuong' END AS form,
        CASE WHEN v.h % 100 < 80 THEN 'UBND' ELSE 'TTg' END AS issuer,
        CASE WHEN v.h % 100 < 80 THEN 'Chủ tịch UBND huyện' ELSE 'Chủ tịch UBND tỉnh' END AS issued_by) f
      JOIN bench_names nm ON nm.n = (v.p::bigint * 7919) % ${NAMES}
      JOIN bench_units cu ON cu.idx = (v.p::bigint * 31) % ${units}
      JOIN bench_units pu ON pu.idx = (v.p::bigint * 17 + 7) % ${units}`, values: [tenantId, personal, PEOPLE] },
    { columns: ['tenant_id', 'id', 'organisation_id', 'award_form', 'year', 'basis', 'decision_number', 'decided_on', 'decided_by', 'created_at', 'updated_at', 'recipient_name_fold', 'recipient_sort_key', 'recipient_path'],
      select: `SELECT $1::uuid, ('00000000-0000-7e00-8000-' || lpad(g::text, 12, '0'))::uuid, o.id,
        CASE WHEN g % 2 = 0 THEN 'tap_the_lao_dong_tien_tien' ELSE 'giay_khen' END, 2010 + (g / 2 / ${units}) % 16, 'merit',
        (g % 700) || '/QĐ-UBND', make_date(2011 + (g / 2 / ${units}) % 16, 1 + g % 3, 1 + g % 27), 'Chủ tịch UBND huyện', now(), now(),
        o.name_fold, o.sort_key, o.path
      FROM generate_series(0, $2::int - 1) AS g JOIN bench_units u ON u.idx = (g / 2) % ${units}
      JOIN organisations o ON o.tenant_id = $1::uuid AND o.id = u.id`, values: [tenantId, collectives] },
    ]);
  }
  t = performance.now();
  // what fillAwardRecipients does for every writer: the distinct names the search starts from
  await client.query(`INSERT INTO award_recipient_names (tenant_id, name_fold)
    SELECT DISTINCT tenant_id, recipient_name_fold FROM awards ON CONFLICT DO NOTHING`);
  // a bulk-loaded table has no visibility map yet (autovacuum would make one): index-only scans need it
  await client.query('VACUUM ANALYZE');
  const distinct = (await client.query<{ n: string }>('SELECT count(*) AS n FROM award_recipient_names')).rows[0]!.n;
  console.log(`${Number(distinct).toLocaleString('en')} distinct names, VACUUM ANALYZE: ${seconds(t)}`);

  // ── searches: unaccented names as people type them, with random filters ──
  const q = new Rng(7);
  const forms = ['lao_dong_tien_tien', 'giay_khen', 'chien_si_thi_dua_co_so', 'bang_khen_tinh', 'chien_si_thi_dua_tinh'];
  const districts = orgs.filter((o) => o.parent_id === root.id);
  const leaves = orgs.filter((o) => o.parent_id !== null && o.parent_id !== root.id);
  function randomQuery(): ArchiveQuery {
    const n = (q.int(1, PEOPLE) * 7919) % NAMES;
    const words = cols.fold[n]!.split(' ');
    const shape = q.int(1, 4);
    // the whole name; "van anh" (the last two words); the name with the given name half typed; the family and middle names
    const text = shape === 1 ? words.join(' ')
      : shape === 2 ? words.slice(-2).join(' ')
        : shape === 3 ? [...words.slice(0, -1), words.at(-1)!.slice(0, Math.max(2, words.at(-1)!.length - 1))].join(' ')
          : words.join(' ').toUpperCase();
    const yearFrom = q.int(2010, 2025);
    const unit = q.chance(0.5) ? (q.chance(0.6) ? q.pick(districts) : q.pick(leaves)) : null;
    return {
      q: text, revoked: q.chance(0.3) ? 'exclude' : 'include',
      ...(q.chance(0.4) && { awardForm: q.pick(forms) }),
      ...(q.chance(0.5) && { yearFrom, yearTo: Math.min(2025, yearFrom + q.int(0, 5)) }),
      ...(unit && { unitId: unit.id }),
    };
  }
  const actor: Actor = {
    userId: id('f', 1), tenantId, username: 'bench', displayName: 'Bench', personId: null,
    grants: [{ id: id('f', 2), role: 'standing_officer', organisationId: root.id, organisationName: root.name, path: root.path }],
  };
  const queries = Array.from({ length: SEARCHES }, randomQuery);
  const warmUp = Array.from({ length: 30 }, randomQuery);

  const service: number[] = [];
  const direct: number[] = [];
  let rowsSeen = 0;
  // the route a person waits for: a standing officer of the province signed in through the real app
  const { app } = await startTestApp(handle);
  await buildUser(handle.db, tenantId, 'standing_officer', { id: root.id!, path: root.path!, tenantId, name: root.name! }, { username: 'vanthu.snv' });
  const officer = await signIn(app, 'vanthu.snv');
  const search = async (query: ArchiveQuery) => {
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const r = await officer.request({ method: 'GET', url: `/api/archive/awards?${params}` });
    if (r.statusCode !== 200) throw new Error(`archive search: ${r.statusCode} ${r.body}`);
    return r.json() as { items: unknown[] };
  };
  for (const query of warmUp) await search(query);
  const compiled = await Promise.all(queries.map(async (query) =>
    archiveQuery(handle.db, tenantId, await archiveFilter(handle.db, actor, query, { limit: DEFAULT_PAGE_SIZE + 1 })).compile()));
  await client.query('SET statement_timeout = 30000');
  // each search twice, one way then the other, so that neither side always finds the cache warmed by the other
  for (const [i, query] of queries.entries()) {
    const runService = async () => {
      const start = performance.now();
      const page = await search(query);
      service.push(performance.now() - start);
      rowsSeen += page.items.length;
    };
    const runDirect = async () => {
      const start = performance.now();
      await client.query(compiled[i]!.sql, compiled[i]!.parameters as unknown[]);
      direct.push(performance.now() - start);
    };
    if (i % 2 === 0) { await runService(); await runDirect(); } else { await runDirect(); await runService(); }
  }
  const stats = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), max: percentile(xs, 100) });
  const a = stats(service);
  const b = stats(direct);
  const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;
  console.log(`\n${SEARCHES} searches, ${(rowsSeen / SEARCHES).toFixed(1)} rows per page on average`);
  console.log(`                                 p50          p95          max`);
  console.log(`route (GET /api/archive/awards) ${ms(a.p50)} ${ms(a.p95)} ${ms(a.max)}`);
  console.log(`same SQL, direct (pg)         ${ms(b.p50)} ${ms(b.p95)} ${ms(b.max)}`);

  const slowest = service.indexOf(Math.max(...service));
  console.log('\nslowest search:', JSON.stringify(queries[slowest]));
  for (const [label, i] of [['slowest', slowest], ['first', 0]] as const) {
    const c = compiled[i]!;
    const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, c.parameters as unknown[]);
    console.log(`\nplan (${label}: ${JSON.stringify(queries[i])}):\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
  const size = await client.query<{ table: string; indexes: string }>(`SELECT pg_size_pretty(pg_table_size('awards')) AS table,
    pg_size_pretty(pg_indexes_size('awards')) AS indexes`);
  console.log(`\nawards: table ${size.rows[0]!.table}, indexes ${size.rows[0]!.indexes}`);
  benchLine('archive', service, direct);
  await app.close();
} finally {
  await bench.close();
}
