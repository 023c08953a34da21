// Benchmark: "who qualifies" for a whole province, as the officer waits for it, on PostgreSQL.
//   npm run bench -- eligibility [people=200000] [runs=12]
// Seeds a province (bench/seed.ts: ~630 organisations) with `people` people named as the demo names them
// (folded and sort-keyed in TypeScript), 8 years (2018–2025) of ratings, the LĐTT and CSTĐCS titles those
// earned, initiatives and some discipline, all set-based. Then, per award form, times `runs` times the page's
// own request — GET /api/eligibility for the whole province, first page, as WhoQualifiesPage sends it —
// through the real app (Fastify inject, signed-in session) beside the bare core SQL (the judged CTEs and a
// count per status, in the transaction the service runs them in). BENCH_KEEP=1 keeps the schema;
// BENCH_SCHEMA=<kept schema> times again on it without seeding (to compare code on the same data).
import { sql } from 'kysely';
import { loadCatalogue, ruleInForce } from '../src/modules/eligibility/catalogue.ts';
import { countedOn, judgedQuery } from '../src/modules/eligibility/service.ts';
import { judgedTransaction } from '../src/modules/eligibility/sql.ts';
import { insertSelectedAwards } from '../src/modules/awards/index.ts';
import { buildUser } from '../src/testing/factories.ts';
import { signIn, startTestApp } from '../src/testing/app.ts';
import { todayInVietnam } from '../src/platform/vn/dates.ts';
import { benchLine, spread, timeRuns } from './report.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { benchNames, openBenchSchema, seconds, seedProvince, TENANT_ID as tenantId, type BenchSchema } from './seed.ts';

const PEOPLE = Number(process.argv[2] ?? 200_000);
const RUNS = Math.max(10, Number(process.argv[3] ?? 12));
const YEAR = 2025;
// what the page offers first: the base-level titles and the province's Bằng khen (page size: web/features/eligibility/types.ts)
const FORMS = ['chien_si_thi_dua_co_so', 'lao_dong_tien_tien', 'bang_khen_tinh'];
const PAGE_SIZE = 50;

/** Seeds the province; returns its root. */
async function seed(bench: BenchSchema) {
  const { client, handle } = bench;
  let t = performance.now();
  const { root, units } = await seedProvince(bench);

  // ── people: demo names (Kinh and minorities), one employment each, 1 in 10 a leader ──
  const cols = benchNames(PEOPLE, 2025);
  await client.query(`INSERT INTO people (tenant_id, id, family_name, middle_name, given_name, full_name, name_fold, sort_key, gender, birth_year)
    SELECT $1::uuid, ('00000000-0000-7000-9000-' || lpad(ord::text, 12, '0'))::uuid, family, middle, given, full_name, name_fold, sort_key, gender, 1962 + ord % 40
    FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY
      AS x(family, middle, given, full_name, name_fold, sort_key, gender, ord)`,
  [tenantId, cols.family, cols.middle, cols.given, cols.full, cols.fold, cols.sort, cols.gender]);
  await client.query(`INSERT INTO employments (tenant_id, id, person_id, organisation_id, position, is_leader, start_date)
    SELECT $1::uuid, ('00000000-0000-7000-a000-' || lpad(i::text, 12, '0'))::uuid, ('00000000-0000-7000-9000-' || lpad(i::text, 12, '0'))::uuid,
      u.id, CASE WHEN i % 10 = 0 THEN 'Trưởng phòng' ELSE 'Chuyên viên' END, i % 10 = 0, DATE '2010-01-01'
    FROM generate_series(1, $2::int) AS i JOIN bench_units u ON u.idx = (i::bigint * 31) % ${units}`, [tenantId, PEOPLE]);
  console.log(`people ${PEOPLE.toLocaleString('en')} in ${units} units: ${seconds(t)}`);

  // ── records, set-based: ~30% excellent, ~50% good, ~17% completed, ~3% not completed a year ──
  t = performance.now();
  const person = `('00000000-0000-7000-9000-' || lpad(i::text, 12, '0'))::uuid`;
  await client.query(`INSERT INTO annual_ratings (tenant_id, id, person_id, year, rating, created_at, updated_at)
    SELECT $1::uuid, gen_random_uuid(), ${person}, y,
      CASE WHEN h < 30 THEN 'excellent' WHEN h < 80 THEN 'good' WHEN h < 97 THEN 'completed' ELSE 'not_completed' END, now(), now()
    FROM generate_series(1, $2::int) AS i, generate_series(2018, ${YEAR}) AS y,
      LATERAL (SELECT abs(hashtext(i::text || '/' || y::text)) % 100 AS h) r`, [tenantId, PEOPLE]);
  // the titles those ratings earned, as the awards module bulk-loads them (eligibility reads no recipient columns)
  const titleColumns = ['tenant_id', 'id', 'person_id', 'award_form', 'year', 'basis', 'decision_number', 'created_at', 'updated_at'] as const;
  await handle.db.transaction().execute(async (db) => {
    await sql`SET LOCAL statement_timeout = 0`.execute(db);
    await insertSelectedAwards(db, titleColumns, sql`
      SELECT r.tenant_id, gen_random_uuid(), r.person_id, 'lao_dong_tien_tien', r.year, 'merit', r.year || '/QĐ-UBND', now(), now()
      FROM annual_ratings r WHERE r.tenant_id = ${tenantId} AND r.rating IN ('excellent', 'good')`);
    await insertSelectedAwards(db, titleColumns, sql`
      SELECT r.tenant_id, gen_random_uuid(), r.person_id, 'chien_si_thi_dua_co_so', r.year, 'merit', r.year || '/QĐ-CS', now(), now()
      FROM annual_ratings r WHERE r.tenant_id = ${tenantId} AND r.rating = 'excellent' AND abs(hashtext(r.id::text)) % 3 = 0`);
  });
  await client.query(`INSERT INTO initiatives (tenant_id, id, person_id, kind, title, title_fold, level, year, created_at, updated_at)
    SELECT $1::uuid, gen_random_uuid(), ${person}, 'initiative', 'Sáng kiến cải tiến quy trình số ' || i || ' năm ' || y,
      'sang kien cai tien quy trinh so ' || i || ' nam ' || y, CASE WHEN i % 50 = 0 THEN 'province' ELSE 'base' END, y, now(), now()
    FROM generate_series(1, $2::int) AS i, generate_series(2018, ${YEAR}) AS y
    WHERE abs(hashtext('i' || i::text || '/' || y::text)) % 4 = 0`, [tenantId, PEOPLE]);
  await client.query(`INSERT INTO disciplines (tenant_id, id, person_id, form, starts_on, ends_on, created_at, updated_at)
    SELECT $1::uuid, gen_random_uuid(), ${person}, 'reprimand', make_date(2018 + i % 8, 3, 1), make_date(2019 + i % 8, 2, 28), now(), now()
    FROM generate_series(1, $2::int) AS i WHERE i % 97 = 0`, [tenantId, PEOPLE]);
  await client.query('VACUUM ANALYZE');
  const c = (await client.query<{ ratings: string; awards: string; initiatives: string }>(`SELECT
    (SELECT count(*) FROM annual_ratings) AS ratings, (SELECT count(*) FROM awards) AS awards, (SELECT count(*) FROM initiatives) AS initiatives`)).rows[0]!;
  console.log(`${c.ratings} ratings, ${c.awards} titles, ${c.initiatives} initiatives, VACUUM ANALYZE: ${seconds(t)}`);
  return { id: root.id as string, path: root.path as string, name: root.name as string };
}

const kept = process.env.BENCH_SCHEMA;
const bench = kept ? null : await openBenchSchema('bench_elig');
const handle = bench ? bench.handle : await openDatabase({ databaseUrl: process.env.DATABASE_URL!, schema: kept });
try {
  const root = bench ? await seed(bench)
    : await handle.db.selectFrom('organisations').select(['id', 'path', 'name']).where('tenant_id', '=', tenantId).where('parent_id', 'is', null).executeTakeFirstOrThrow();
  // ── the officer: the province's standing officer, signed in to the real app ──
  const { app, clock } = await startTestApp(handle);
  const username = `thuong.truc.${process.pid}`;
  await buildUser(handle.db, tenantId, 'standing_officer', { ...root, tenantId }, { username });
  const session = await signIn(app, username);
  const on = countedOn(YEAR, todayInVietnam(clock.now()));
  const catalogue = await loadCatalogue(handle.db, tenantId);

  const appTimes: number[] = [];
  const bareTimes: number[] = [];
  for (const awardForm of FORMS) {
    const url = `/api/eligibility?organisationId=${root.id}&awardForm=${awardForm}&recipient=individual&year=${YEAR}&page=1&pageSize=${PAGE_SIZE}`;
    let counts = '';
    let bytes = 0;
    const viaApp = await timeRuns(RUNS, async () => {
      const response = await session.request({ method: 'GET', url, headers: { 'accept-language': 'vi' } });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      bytes = response.rawPayload.length;
      counts = JSON.stringify(response.json().counts);
    });
    const entry = ruleInForce(catalogue, awardForm, 'individual', YEAR);
    const judged = judgedQuery(catalogue, entry, tenantId, root.path, 'individual', YEAR, on);
    const core = sql<{ status: number; n: string }>`WITH ${judged.ctes} SELECT status, count(*) AS n FROM judged GROUP BY status`;
    let bareCounts = '';
    const bare = await timeRuns(RUNS, async () => {
      const { rows } = await judgedTransaction(handle.db, (trx) => core.execute(trx));
      bareCounts = rows.sort((a, b) => b.status - a.status).map((r) => `${['unmet', 'attest', 'met'][r.status]}=${r.n}`).join(' ');
    });
    console.log(`${awardForm.padEnd(24)} route ${spread(viaApp)} (${(bytes / 1024).toFixed(0)} KiB) ${counts}`);
    console.log(`${''.padEnd(24)} bare  ${spread(bare)} ${bareCounts}`);
    appTimes.push(...viaApp);
    bareTimes.push(...bare);
  }
  await app.close();
  benchLine('eligibility', appTimes, bareTimes);
} finally {
  await (bench ? bench.close() : handle.close());
}
