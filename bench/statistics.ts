// Benchmark: province-wide award statistics (GET /api/statistics) on a province-sized awards table, on PostgreSQL.
//   npm run bench -- statistics [awards=5000000] [people=1000000] [runs=30]
// Builds a throw-away schema seeded like bench/archive.ts — ~630 organisations in districts, people, and
// `awards` awards set-based (INSERT … SELECT generate_series, indexes rebuilt after) — with the columns
// statistics read filled as awards/recipient.ts would: recipient path, woman (~52%), ethnic minority
// (~15%), leader (~12%), direct worker (~35%) for individuals; the money (~85% recorded); 1% revoked;
// the years spread evenly over 2008–2025.
// People carry no names or employments here (statistics never read them). Then VACUUM ANALYZE, the award
// tallies the statistics read (awards/tallies.ts, migration 0018) rebuilt from the awards, and times the
// route a person waits for (GET /api/statistics, signed in, via the in-process app) for the whole province over one year, five years and all
// years, with and without a group filter: p50/p95/max of `runs` runs each (and of ten runs of the same main
// query sent directly with pg); prints the main query's plans; checks the all-years total against the awards
// table; and times what keeping the tallies costs one write (an award revoked, rolled back).
// BENCH_KEEP=1 keeps the schema; BENCH_SCHEMA=<kept schema> times again on it without seeding.
import type { Actor } from '../src/platform/auth/policy.ts';
import { benchLine, percentile } from './report.ts';
import { signIn, startTestApp } from '../src/testing/app.ts';
import { buildUser } from '../src/testing/factories.ts';
import { statistics, type StatisticsQuery } from '../src/modules/statistics/service.ts';
import { countedOrganisations, minimalPrefixes, unitRows } from '../src/modules/statistics/counted.ts';
import { loadTree } from '../src/modules/statistics/scope.ts';
import { formsKept, yearsOf, type AwardForm, type Level } from '../src/modules/statistics/model.ts';
import { awardFiguresQuery, awardForms } from '../src/modules/statistics/store.ts';
import { backfillAwardRecipients, rebuildAwardTallies, reviseAwards } from '../src/modules/awards/index.ts';
import { benchId as id, bulkLoadAwards, openBenchSchema, reopenBenchSchema, seconds, seedProvince, TENANT_ID as tenantId } from './seed.ts';

class RollBack extends Error {}

const AWARDS = Number(process.argv[2] ?? 5_000_000);
const PEOPLE = Number(process.argv[3] ?? 1_000_000);
const RUNS = Number(process.argv[4] ?? 30);

const kept = process.env.BENCH_SCHEMA;
const bench = kept ? await reopenBenchSchema(kept) : await openBenchSchema('bench_statistics');
const { client, handle } = bench;
/** The province, its people and 5M awards with their tallies, made set-based (skipped with BENCH_SCHEMA). */
async function seed(): Promise<{ id: string; name: string; path: string }> {
  // ── organisations: a province, districts, units (bench/seed.ts) ──
  let t = performance.now();
  const { root, orgs, units } = await seedProvince(bench);

  // ── people: gender and ethnicity only (statistics never read names) ──
  await client.query('SET maintenance_work_mem = \'1GB\'');
  await client.query(`INSERT INTO people (tenant_id, id, family_name, middle_name, given_name, full_name, name_fold, sort_key, gender, birth_year, ethnicity)
    SELECT $1::uuid, ('00000000-0000-7900-8000-' || lpad(i::text, 12, '0'))::uuid, 'Họ', 'Đệm', 'Tên ' || i, 'Họ Đệm Tên ' || i,
      'ho dem ten ' || i, 'ten ' || i, CASE WHEN i % 100 < 52 THEN 'female' ELSE 'male' END, 1960 + i % 40,
      CASE WHEN (i * 7) % 100 < 15 THEN 'Thái' ELSE 'Kinh' END
    FROM generate_series(1, $2::int) AS i`, [tenantId, PEOPLE]);
  console.log(`organisations ${orgs.length}, people ${PEOPLE.toLocaleString('en')}: ${seconds(t)}`);

  // ── awards: set-based, indexes dropped during the load and rebuilt after ──
  {
    const collectives = Math.min(units * 16 * 2, Math.floor(AWARDS / 10));
    const personal = AWARDS - collectives;
    // the money as a decision records it: coefficient × a base salary of the time, for 85% of the awards
    const money = `CASE WHEN v.h % 100 < 85 THEN (CASE f.form WHEN 'lao_dong_tien_tien' THEN 0.3 WHEN 'giay_khen' THEN 0.3
        WHEN 'chien_si_thi_dua_co_so' THEN 1 WHEN 'bang_khen_tinh' THEN 1 WHEN 'chien_si_thi_dua_tinh' THEN 3 ELSE 1.5 END
        * CASE WHEN y.year >= 2024 THEN 2340000 WHEN y.year >= 2023 THEN 1800000 ELSE 1490000 END)::bigint END`;
    await bulkLoadAwards(bench, [
    { columns: ['tenant_id', 'id', 'person_id', 'award_form', 'year', 'basis', 'decision_number', 'decided_on', 'decided_by', 'revoked_on', 'revocation_number', 'created_at', 'updated_at', 'recipient_name_fold', 'recipient_sort_key', 'recipient_path', 'recipient_female', 'recipient_ethnic_minority', 'recipient_leader', 'recipient_direct_worker', 'amount'],
      select: `SELECT $1::uuid, ('00000000-0000-7d00-8000-' || lpad(g::text, 12, '0'))::uuid, ('00000000-0000-7900-8000-' || lpad(p::text, 12, '0'))::uuid,
        f.form, y.year, CASE WHEN h % 10 = 0 THEN 'thematic' ELSE 'merit' END,
        (1 + h % 900) || '/QĐ-' || f.issuer, d.decided_on, f.issued_by,
        CASE WHEN h % 100 = 0 THEN d.decided_on + 200 END, CASE WHEN h % 100 = 0 THEN (h % 50) || '/QĐ-THU-HOI' END, now(), now(),
        'ho dem ten ' || p, 'ten ' || p, CASE WHEN p % 5 = 0 AND d.decided_on <= DATE '2017-12-31' THEN pu.path ELSE cu.path END,
        p % 100 < 52, (p * 7) % 100 < 15, p % 100 >= 88, (h / 100) % 100 < 35, ${money}
      FROM generate_series(1, $2::int) AS g
      CROSS JOIN LATERAL (SELECT 1 + (g - 1) % $3::int AS p, (g - 1) / $3::int AS k, abs(hashtext(g::text)) AS h) v
      CROSS JOIN LATERAL (SELECT 2008 + (v.p + v.k * 7) % 18 AS year) y
      CROSS JOIN LATERAL (SELECT make_date(y.year + 1, 1 + v.h % 4, 1 + v.h % 28) AS decided_on) d
      CROSS JOIN LATERAL (SELECT CASE WHEN v.h % 100 < 50 THEN 'lao_dong_tien_tien' WHEN v.h % 100 < 68 THEN 'giay_khen'
          WHEN v.h % 100 < 80 THEN 'chien_si_thi_dua_co_so' WHEN v.h % 100 < 93 THEN 'bang_khen_tinh'
          WHEN v.h % 100 < 98 THEN 'chien_si_thi_dua_tinh' ELSE 'bang_khen_thu_tuong' END AS form,
        CASE WHEN v.h % 100 < 80 THEN 'UBND' ELSE 'TTg' END AS issuer,
        CASE WHEN v.h % 100 < 80 THEN 'Chủ tịch UBND huyện' ELSE 'Chủ tịch UBND tỉnh' END AS issued_by) f
      JOIN bench_units cu ON cu.idx = (v.p::bigint * 31) % ${units}
      JOIN bench_units pu ON pu.idx = (v.p::bigint * 17 + 7) % ${units}`, values: [tenantId, personal, PEOPLE] },
    { columns: ['tenant_id', 'id', 'organisation_id', 'award_form', 'year', 'basis', 'decision_number', 'decided_on', 'decided_by', 'created_at', 'updated_at', 'recipient_name_fold', 'recipient_sort_key', 'recipient_path', 'amount'],
      select: `SELECT $1::uuid, ('00000000-0000-7e00-8000-' || lpad(g::text, 12, '0'))::uuid, o.id,
        CASE WHEN g % 2 = 0 THEN 'tap_the_lao_dong_tien_tien' ELSE 'giay_khen' END, 2010 + (g / 2 / ${units}) % 16, 'merit',
        (g % 700) || '/QĐ-UBND', make_date(2011 + (g / 2 / ${units}) % 16, 1 + g % 3, 1 + g % 27), 'Chủ tịch UBND huyện', now(), now(),
        o.name_fold, o.sort_key, o.path, CASE WHEN g % 7 <> 0 THEN 2980000 END
      FROM generate_series(0, $2::int - 1) AS g JOIN bench_units u ON u.idx = (g / 2) % ${units}
      JOIN organisations o ON o.tenant_id = $1::uuid AND o.id = u.id`, values: [tenantId, collectives] },
    ]);
  }
  t = performance.now();
  // a bulk-loaded table has no visibility map yet (autovacuum would make one): index-only scans need it
  await client.query('VACUUM ANALYZE');
  console.log(`VACUUM ANALYZE: ${seconds(t)}`);
  // the awards were written here directly, not through the app's writers: their tallies are made in one go
  t = performance.now();
  await rebuildAwardTallies(handle.db, tenantId);
  await client.query('VACUUM ANALYZE award_tallies');
  const tallies = (await client.query<{ n: string; size: string }>(`SELECT count(*) AS n, pg_size_pretty(pg_total_relation_size('award_tallies')) AS size
    FROM award_tallies`)).rows[0]!;
  console.log(`award tallies rebuilt: ${Number(tallies.n).toLocaleString('en')} rows, ${tallies.size}: ${seconds(t)}`);

  return { id: root.id!, name: root.name!, path: root.path! };
}

try {
  let t = performance.now();
  const root = kept ? await handle.db.selectFrom('organisations').select(['id', 'name', 'path']).where('tenant_id', '=', tenantId)
    .where('parent_id', 'is', null).executeTakeFirstOrThrow() : await seed();

  // ── the province's statistics, as the route asks for them ──
  const actor: Actor = {
    userId: id('f', 1), tenantId, username: 'bench', displayName: 'Bench', personId: null,
    grants: [{ id: id('f', 2), role: 'standing_officer', organisationId: root.id, organisationName: root.name, path: root.path }],
  };
  const cases: [string, StatisticsQuery][] = [];
  for (const [label, fromYear, toYear] of [['one year (2024)', 2024, 2024], ['five years (2020–2024)', 2020, 2024], ['all years (2008–2025)', 2008, 2025]] as const) {
    cases.push([label, { organisationId: root.id, fromYear, toYear }]);
    cases.push([`${label}, non-leaders`, { organisationId: root.id, fromYear, toYear, group: 'non_leader' }]);
  }
  const catalogue: AwardForm[] = (await awardForms(handle.db, tenantId)).map((c) => ({ code: c.code, name: c.name, category: c.category, level: c.level as Level, sortOrder: c.sort_order }));
  const tree = await loadTree(handle.db, tenantId);
  const mainQuery = (q: StatisticsQuery) => {
    const period = { fromYear: q.fromYear, toYear: q.toYear };
    const prefixes = minimalPrefixes(tree, countedOrganisations(tree, q.organisationId, period));
    return awardFiguresQuery(tenantId, {
      prefixes, links: unitRows(tree, q.organisationId, period).links, years: yearsOf(period), forms: formsKept(catalogue, q), recipient: q.recipient, group: q.group,
    }).compile(handle.db);
  };
  const stats = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), max: percentile(xs, 100) });
  const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;
  console.log(`\n${RUNS} runs each (after 3 warm-up runs)          p50          p95          max`);
  const at = new Date();
  // the route a person waits for: a standing officer of the province signed in through the real app
  const { app } = await startTestApp(handle);
  // a name of this run's own: a kept schema (BENCH_SCHEMA) has the earlier runs' officers
  const username = `thongke.snv.${process.pid}`;
  await buildUser(handle.db, tenantId, 'standing_officer', { ...root, tenantId }, { username });
  const officer = await signIn(app, username);
  const viaRoute = async (q: StatisticsQuery) => {
    const params = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
    const r = await officer.request({ method: 'GET', url: `/api/statistics?${params}` });
    if (r.statusCode !== 200) throw new Error(`statistics: ${r.statusCode} ${r.body}`);
    return r.json() as { totals: { total: number } };
  };
  // the last line quotes the heaviest case a person asks for: the whole province over all years
  let heaviest: { service: number[]; direct: number[] } | undefined;
  for (const [label, q] of cases) {
    const compiled = mainQuery(q);
    for (let i = 0; i < 3; i++) await viaRoute(q);
    const service: number[] = [];
    const direct: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      let start = performance.now();
      total = (await viaRoute(q)).totals.total;
      service.push(performance.now() - start);
      // the direct runs only show what the service adds around its query: ten of them are enough
      if (i >= 10) continue;
      start = performance.now();
      await client.query(compiled.sql, compiled.parameters as unknown[]);
      direct.push(performance.now() - start);
    }
    if (label === 'all years (2008–2025)') heaviest = { service, direct };
    const a = stats(service);
    const b = stats(direct);
    console.log(`${label.padEnd(40)} route   ${ms(a.p50)} ${ms(a.p95)} ${ms(a.max)}   (${total.toLocaleString('en')} awards)`);
    console.log(`${'  the main query alone, sent with pg (10 runs)'.padEnd(48)} ${ms(b.p50)} ${ms(b.p95)} ${ms(b.max)}`);
  }
  for (const [label, q] of [cases[4]!, cases[1]!]) {
    const c = mainQuery(q);
    const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, c.parameters as unknown[]);
    console.log(`\nplan (${label}):\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
  const size = await client.query<{ table: string; index: string }>(`SELECT pg_size_pretty(pg_table_size('awards')) AS table,
    pg_size_pretty(pg_relation_size('awards_statistics')) AS index`);
  console.log(`\nawards: table ${size.rows[0]!.table}, awards_statistics ${size.rows[0]!.index}`);

  // the statistics are only as right as the tallies: all years, province-wide, against the awards themselves
  const counted = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM awards WHERE revoked_on IS NULL AND recipient_path IS NOT NULL')).rows[0]!.n;
  const shown = (await statistics(handle.db, actor, { organisationId: root.id, fromYear: 2008, toYear: 2025 }, at)).totals.total;
  console.log(`all years: the statistics show ${shown.toLocaleString('en')} awards, the awards table has ${counted.toLocaleString('en')}`);
  if (shown !== counted) throw new Error('the tallies disagree with the awards');

  // what keeping the tallies costs a writer: one award revoked, through the ledger's reviseAwards (rolled back)
  const writes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const awardId = id('d', 1 + i * 997);
    const start = performance.now();
    await handle.db.transaction().execute(async (trx) => {
      await reviseAwards(trx, tenantId, { awardIds: [awardId] }, { set: { revoked_on: '2026-01-01' } });
      writes.push(performance.now() - start);
      throw new RollBack();
    }).catch((e: unknown) => { if (!(e instanceof RollBack)) throw e; });
  }
  const w = stats(writes);
  console.log(`one award revoked with its tallies (20 runs)      ${ms(w.p50)} ${ms(w.p95)} ${ms(w.max)}`);

  // what every start of the app pays to find awards still to fill (none here): the partial index of 0019
  t = performance.now();
  const filled = await backfillAwardRecipients(handle.db);
  console.log(`start-up recipient backfill, nothing to fill: ${(performance.now() - t).toFixed(1)} ms (${filled} filled)`);
  benchLine('statistics', heaviest!.service, heaviest!.direct);
  await app.close();
} finally {
  await bench.close();
}
