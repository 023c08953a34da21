// Benchmark: the onboarding import of a province's people file (POST /api/onboarding/people/import), on PostgreSQL.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/import-people.ts [people=100000]
// Builds a throw-away schema with the province of bench/seed.ts (its 600 units given codes DV0000…),
// writes an XLSX of `people` people with their employments (src/modules/onboarding/people.testing.ts:
// Vietnamese names, positions, one or two employments each) with exceljs's streaming writer, then times:
//   1. a bare load of the same rows into the same tables, the names folded and sort-keyed in TypeScript
//      beforehand, no checks — once as a COPY of CSV files the server reads (the fastest load PostgreSQL has;
//      the server must run on this machine) and once as one INSERT … SELECT FROM unnest(arrays) per table,
//      what the import sends — each removed afterwards;
//   2. the import through the service the route calls (importPeople): reading the file, the checks, the
//      writes and the audit row in one transaction; its dry run; and importing the same file again.
// BENCH_KEEP=1 keeps the schema afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../src/platform/auth/policy.ts';
import { uuidv7 } from '../src/platform/ids.ts';
import { readSheet } from '../src/platform/spreadsheets/sheet.ts';
import { nameColumns } from '../src/modules/people/index.ts';
import { importPeople, type ImportInput } from '../src/modules/onboarding/service.ts';
import { peopleFileRows, peopleWorkbook } from '../src/modules/onboarding/people.testing.ts';
import { openBenchSchema, seconds, seedProvince, TENANT_ID as tenantId } from './seed.ts';

const PEOPLE = Number(process.argv[2] ?? 100_000);

const bench = await openBenchSchema('bench_import_people');
const { client, handle } = bench;
try {
  const { root } = await seedProvince(bench);
  await client.query(`UPDATE organisations o SET code = 'DV' || lpad(u.idx::text, 4, '0') FROM bench_units u WHERE o.id = u.id`);
  const units = (await client.query<{ code: string; id: string }>('SELECT code, id FROM organisations WHERE code IS NOT NULL ORDER BY code')).rows;
  const userId = uuidv7();
  await client.query(`INSERT INTO users (id, tenant_id, username, display_name, password_hash) VALUES ($1, $2, 'bench.admin', 'Quản trị', '-')`, [userId, tenantId]);
  const actor: Actor = {
    userId, tenantId, username: 'bench.admin', displayName: 'Quản trị', personId: null,
    grants: [{ id: uuidv7(), role: 'system_admin', organisationId: root.id!, organisationName: root.name!, path: root.path! }],
  };

  let t = performance.now();
  const rows = peopleFileRows({ people: PEOPLE, unitCodes: units.map((u) => u.code) });
  const file = await peopleWorkbook(rows);
  console.log(`file: ${PEOPLE.toLocaleString('en')} people, ${rows.length.toLocaleString('en')} rows (employments), XLSX ${(file.length / 1024 / 1024).toFixed(1)} MB written in ${seconds(t)}`);
  t = performance.now();
  const sheet = await readSheet(file);
  console.log(`reading the XLSX alone (platform/spreadsheets): ${sheet.rows.length.toLocaleString('en')} rows in ${seconds(t)}, heap ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);

  // ── 1. the bare load: the same people and employments, straight into the tables ──
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const people = new Map<string, { id: string; row: (typeof rows)[number] }>();
  for (const row of rows) if (!people.has(row[0] as string)) people.set(row[0] as string, { id: uuidv7(), row });
  const now = new Date();
  const p = [...people.values()].map(({ id, row }) => ({ id, code: row[0] as string, gender: row[2] === 'Nữ' ? 'female' : 'male',
    birth: Number(String(row[3]).slice(-4)), ethnicity: (row[4] as string) || 'Kinh', ...nameColumns(row[1] as string) }));
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : null);
  const e = rows.map((r) => ({ id: uuidv7(), personId: people.get(r[0] as string)!.id, unitId: unitId.get(r[5] as string)!, position: r[6] as string,
    leader: r[7] === 'Có', start: iso(r[9]), end: iso(r[10]) }));
  const clear = async () => {
    await client.query('DELETE FROM employments');
    await client.query('DELETE FROM people');
    await client.query('VACUUM ANALYZE people, employments');
  };

  // 1a. COPY from CSV files (written before the clock starts: the load alone is timed)
  const csv = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replaceAll('"', '""')}"`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-copy-'));
  fs.chmodSync(dir, 0o755);
  const peopleCsv = path.join(dir, 'people.csv');
  const employmentsCsv = path.join(dir, 'employments.csv');
  fs.writeFileSync(peopleCsv, p.map((x) => [tenantId, x.id, x.family_name, x.middle_name, x.given_name, x.full_name, x.name_fold, x.sort_key,
    x.gender, x.birth, x.ethnicity, x.code, now.toISOString(), now.toISOString()].map(csv).join(',')).join('\n'));
  fs.writeFileSync(employmentsCsv, e.map((x) => [tenantId, x.id, x.personId, x.unitId, x.position, x.leader, false, x.start, x.end, now.toISOString()]
    .map(csv).join(',')).join('\n'));
  t = performance.now();
  await client.query('BEGIN');
  await client.query(`COPY people (tenant_id, id, family_name, middle_name, given_name, full_name, name_fold, sort_key, gender, birth_year, ethnicity, code,
    created_at, updated_at) FROM '${peopleCsv}' WITH (FORMAT csv)`);
  await client.query(`COPY employments (tenant_id, id, person_id, organisation_id, position, is_leader, is_direct_worker, start_date, end_date, created_at)
    FROM '${employmentsCsv}' WITH (FORMAT csv)`);
  await client.query('COMMIT');
  const copied = performance.now() - t;
  console.log(`bare COPY (CSV files read by the server, one per table, one transaction): ${seconds(t)}`);
  fs.rmSync(dir, { recursive: true });
  await clear();

  // 1b. INSERT … SELECT FROM unnest, as the import writes
  t = performance.now();
  await client.query('BEGIN');
  await client.query(`
    INSERT INTO people (tenant_id, id, family_name, middle_name, given_name, full_name, name_fold, sort_key, gender, birth_year, ethnicity, code, created_at, updated_at)
    SELECT $1, * , $12, $12 FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[], $13::text[])`,
  [tenantId, p.map((x) => x.id), p.map((x) => x.family_name), p.map((x) => x.middle_name), p.map((x) => x.given_name), p.map((x) => x.full_name),
    p.map((x) => x.name_fold), p.map((x) => x.sort_key), p.map((x) => x.gender), p.map((x) => x.birth), p.map((x) => x.ethnicity), now, p.map((x) => x.code)]);
  await client.query(`
    INSERT INTO employments (tenant_id, id, person_id, organisation_id, position, is_leader, is_direct_worker, start_date, end_date, created_at)
    SELECT $1, *, $10 FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::boolean[], $7::boolean[], $8::date[], $9::date[])`,
  [tenantId, e.map((x) => x.id), e.map((x) => x.personId), e.map((x) => x.unitId), e.map((x) => x.position), e.map((x) => x.leader),
    e.map(() => false), e.map((x) => x.start), e.map((x) => x.end), now]);
  await client.query('COMMIT');
  const bare = performance.now() - t;
  console.log(`bare INSERT … SELECT FROM unnest (one statement per table, one transaction): ${seconds(t)}`);
  await clear();

  // ── 2. the import, as the route runs it ──
  const input = (dryRun: boolean): ImportInput => ({ file, fileName: 'can-bo.xlsx', dryRun, locale: 'vi' });
  const ctx = () => ({ db: handle.db, actor, now: new Date(), requestId: 'bench' });
  t = performance.now();
  const dry = await importPeople(ctx(), input(true));
  console.log(`dry run: ${dry.people?.created.toLocaleString('en')} people, ${dry.created.toLocaleString('en')} employments counted in ${seconds(t)}`);
  t = performance.now();
  const done = await importPeople(ctx(), input(false));
  const imported = performance.now() - t;
  console.log(`import: ${done.people?.created.toLocaleString('en')} people, ${done.created.toLocaleString('en')} employments in ${seconds(t)}`
    + ` (${(imported / copied).toFixed(1)}× the bare COPY, ${(imported / bare).toFixed(1)}× the bare unnest)`);
  t = performance.now();
  const again = await importPeople(ctx(), input(false));
  console.log(`the same file again: ${again.unchanged.toLocaleString('en')} unchanged, ${again.created} created, ${again.updated} updated in ${seconds(t)}`);
  const counts = (await client.query<{ people: string; employments: string }>(
    'SELECT (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM employments) AS employments')).rows[0]!;
  console.log(`in the tables: ${Number(counts.people).toLocaleString('en')} people, ${Number(counts.employments).toLocaleString('en')} employments`);
} finally {
  await bench.close();
}
