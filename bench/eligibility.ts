// Benchmark: "who qualifies" for a whole province at once, on PGlite or DATABASE_URL.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/eligibility.ts [people=200000] [units=500]
// Generates `people` people with 8 years (2018–2025) of ratings, LĐTT titles, initiatives and some
// discipline, then evaluates awards for every one of them with the SQL the list runs, and prints
// rows per second (median of 3 runs) per award.
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { buildOrganisation, buildTenant } from '../src/testing/factories.ts';
import { fillProvince } from '../src/testing/bulk.ts';
import { loadCatalogue, ruleInForce } from '../src/modules/eligibility/catalogue.ts';
import { judgedQuery } from '../src/modules/eligibility/service.ts';
import { withoutJit } from '../src/modules/eligibility/sql.ts';
import { insertSelectedAwards } from '../src/modules/awards/index.ts';

const people = Number(process.argv[2] ?? 200_000);
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
  const db = handle.db;
  const tenantId = (await buildTenant(db)).id;
  const root = await buildOrganisation(db, tenantId, null);
  let t = performance.now();
  await fillProvince(db, tenantId, root, units, people);
  const person = sql`('00000000-0000-7000-9000-' || lpad(i::text, 12, '0'))::uuid`;
  // generating millions of rows takes longer than the app's 30 s statement timeout: one transaction without it
  await handle.db.transaction().execute(async (db) => {
  await sql`SET LOCAL statement_timeout = 0`.execute(db);
  // ratings 2018–2025: a deterministic mix, ~30% excellent, ~50% good, ~17% completed, ~3% not completed
  await sql`INSERT INTO annual_ratings (tenant_id, id, person_id, year, rating, created_at, updated_at)
    SELECT ${tenantId}::uuid, gen_random_uuid(), ${person}, y,
      CASE WHEN h < 30 THEN 'excellent' WHEN h < 80 THEN 'good' WHEN h < 97 THEN 'completed' ELSE 'not_completed' END, now(), now()
    FROM generate_series(1, ${people}::int) AS i, generate_series(2018, 2025) AS y,
      LATERAL (SELECT abs(hashtext(i::text || '/' || y::text)) % 100 AS h) r`.execute(db);
  // the titles those ratings earned, as the awards module bulk-loads them (no recipient columns: eligibility does not read them)
  const titleColumns = ['tenant_id', 'id', 'person_id', 'award_form', 'year', 'basis', 'decision_number', 'created_at', 'updated_at'] as const;
  await insertSelectedAwards(db, titleColumns, sql`
    SELECT r.tenant_id, gen_random_uuid(), r.person_id, 'lao_dong_tien_tien', r.year, 'merit', r.year || '/QĐ', now(), now()
    FROM annual_ratings r WHERE r.tenant_id = ${tenantId} AND r.rating IN ('excellent', 'good')`);
  await insertSelectedAwards(db, titleColumns, sql`
    SELECT r.tenant_id, gen_random_uuid(), r.person_id, 'chien_si_thi_dua_co_so', r.year, 'merit', r.year || '/QĐ-CS', now(), now()
    FROM annual_ratings r WHERE r.tenant_id = ${tenantId} AND r.rating = 'excellent' AND abs(hashtext(r.id::text)) % 3 = 0`);
  await sql`INSERT INTO initiatives (tenant_id, id, person_id, kind, title, title_fold, level, year, created_at, updated_at)
    SELECT ${tenantId}::uuid, gen_random_uuid(), ${person}, 'initiative', 'Sáng kiến ' || i || '-' || y, 'sang kien ' || i || ' ' || y,
      CASE WHEN i % 50 = 0 THEN 'province' ELSE 'base' END, y, now(), now()
    FROM generate_series(1, ${people}::int) AS i, generate_series(2018, 2025) AS y
    WHERE abs(hashtext('i' || i::text || '/' || y::text)) % 4 = 0`.execute(db);
  await sql`INSERT INTO disciplines (tenant_id, id, person_id, form, starts_on, ends_on, created_at, updated_at)
    SELECT ${tenantId}::uuid, gen_random_uuid(), ${person}, 'reprimand', make_date(2018 + i % 8, 3, 1), make_date(2019 + i % 8, 2, 28), now(), now()
    FROM generate_series(1, ${people}::int) AS i WHERE i % 97 = 0`.execute(db);
  });
  await sql`ANALYZE`.execute(db);
  const counts = await sql<{ ratings: string; awards: string; initiatives: string }>`SELECT
    (SELECT count(*) FROM annual_ratings) AS ratings, (SELECT count(*) FROM awards) AS awards, (SELECT count(*) FROM initiatives) AS initiatives`.execute(db);
  const c = counts.rows[0]!;
  console.log(`${handle.kind}: ${people} people in ${units} units; ${c.ratings} ratings, ${c.awards} titles, ${c.initiatives} initiatives; loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const catalogue = await loadCatalogue(db);
  for (const awardForm of ['lao_dong_tien_tien', 'chien_si_thi_dua_co_so', 'chien_si_thi_dua_tinh', 'bang_khen_tinh', 'bang_khen_thu_tuong']) {
    const entry = ruleInForce(catalogue, awardForm, 'individual', 2025);
    const judged = judgedQuery(catalogue, entry, tenantId, root.path, 'individual', 2025, '2025-12-31');
    const query = sql<{ status: number; n: string }>`WITH ${judged.ctes} SELECT status, count(*) AS n FROM judged GROUP BY status`;
    const times: number[] = [];
    let result = '';
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const { rows } = await withoutJit(db, (trx) => query.execute(trx));
      times.push(performance.now() - t);
      result = rows.sort((a, b) => b.status - a.status).map((r) => `${['unmet', 'attest', 'met'][r.status]}=${r.n}`).join(' ');
    }
    times.sort((a, b) => a - b);
    const median = times[1]!;
    console.log(`${awardForm.padEnd(26)} ${(median / 1000).toFixed(2).padStart(6)} s  ${Math.round(people / (median / 1000)).toLocaleString('en').padStart(10)} people/s  ${result}`);
  }
} finally {
  if (url && !process.env.BENCH_KEEP) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(handle.db);
  else if (url) console.log(`kept schema ${schema}`);
  await handle.close();
}
