// Benchmark: the records import of a ratings file (POST /api/records/import), on PostgreSQL.
//   npm run bench -- records-import [rows=1000000]
// Builds a throw-away schema with the province of bench/seed.ts and rows / 5 officers (Kinh names, spread
// over its 600 units), writes a CSV of `rows` annual ratings (five years each, with their decisions: what a
// staff office exports from Excel), then times:
//   1. bare: a COPY of the same rows (subjects resolved beforehand, no checks) into annual_ratings, in one
//      transaction, removed afterwards (the server reads the file: it must run on this machine);
//   2. app: the import through the route (POST /api/records/import over a real connection, the file streamed as the
//      body): the upload spooled to a temporary file, streamed reading, lookups, checks, the unnest upserts and the
//      audit row in one transaction, and the answer. With NODE_OPTIONS=--expose-gc it calls the service instead and
//      samples memory after a full collection every 100,000 rows.
// BENCH_KEEP=1 keeps the schema afterwards.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import type { Actor } from '../src/platform/auth/policy.ts';
import { uuidv7 } from '../src/platform/ids.ts';
import { importRecords } from '../src/modules/records/import/service.ts';
import { insertOfficers, ratingsCsvLines } from '../src/modules/records/import/ratings.testing.ts';
import { openBenchSchema, seconds, seedProvince, TENANT_ID as tenantId } from './seed.ts';
import { benchLine } from './report.ts';
import { Readable } from 'node:stream';
import { signIn, startTestApp } from '../src/testing/app.ts';
import { buildUser } from '../src/testing/factories.ts';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const YEARS = 5;
const PEOPLE = Math.ceil(ROWS / YEARS);
const FIRST_YEAR = 2021;

const bench = await openBenchSchema('bench_records_import');
const { client, handle } = bench;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-records-'));
fs.chmodSync(dir, 0o755);
try {
  const { root } = await seedProvince(bench);
  const units = (await client.query<{ id: string }>('SELECT id FROM bench_units ORDER BY idx')).rows.map((u) => u.id);
  let t = performance.now();
  await insertOfficers(handle.db, tenantId, units, PEOPLE);
  await client.query('VACUUM ANALYZE people, employments');
  console.log(`${PEOPLE.toLocaleString('en')} officers in ${seconds(t)}`);
  const userId = uuidv7();
  await client.query(`INSERT INTO users (id, tenant_id, username, display_name, password_hash) VALUES ($1, $2, 'bench.admin', 'Quản trị', '-')`, [userId, tenantId]);
  const actor: Actor = {
    userId, tenantId, username: 'bench.admin', displayName: 'Quản trị', personId: null,
    grants: [{ id: uuidv7(), role: 'system_admin', organisationId: root.id!, organisationName: root.name!, path: root.path! }],
  };

  // the file and the COPY's file are written a piece at a time: the benchmark holds neither (its heap is the import's)
  const ids = (await client.query<{ code: string; id: string }>('SELECT code, id FROM people')).rows;
  const personOf = new Map(ids.map((r) => [r.code, r.id]));
  ids.length = 0;
  const RATING = new Map([['Hoàn thành xuất sắc nhiệm vụ', 'excellent'], ['Hoàn thành tốt nhiệm vụ', 'good'], ['Hoàn thành nhiệm vụ', 'completed']]);
  const now = new Date().toISOString();
  const file = path.join(dir, 'xep-loai.csv');
  const copyFile = path.join(dir, 'copy.csv');
  t = performance.now();
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'w');
  const copyFd = fs.openSync(copyFile, 'w', 0o644);
  let piece: string[] = [];
  let copyPiece: string[] = [];
  const flush = () => {
    const bytes = Buffer.from(`${piece.join('\r\n')}\r\n`);
    hash.update(bytes);
    fs.writeSync(fd, bytes);
    fs.writeSync(copyFd, copyPiece.length > 0 ? `${copyPiece.join('\n')}\n` : '');
    piece = [];
    copyPiece = [];
  };
  let header = true;
  for (const line of ratingsCsvLines(ROWS, PEOPLE, FIRST_YEAR)) {
    piece.push(header ? `\ufeff${line}` : line);
    if (!header) {
      const [code, , year, rating, number, date, issuer] = line.split(',');
      const [d, m, y] = date!.split('/');
      copyPiece.push([tenantId, uuidv7(), personOf.get(code!)!, year, RATING.get(rating!)!, number, `${y}-${m}-${d}`, `"${issuer}"`, userId, now, now].join(','));
    }
    header = false;
    if (piece.length >= 50_000) flush();
  }
  flush();
  fs.closeSync(fd);
  fs.closeSync(copyFd);
  fs.chmodSync(copyFile, 0o644);
  personOf.clear();
  const bytes = fs.statSync(file).size;
  const sha256 = hash.digest('hex');
  console.log(`file: ${ROWS.toLocaleString('en')} rows, CSV ${(bytes / 1024 / 1024).toFixed(1)} MB written in ${seconds(t)}`);

  // ── 1. bare: COPY of the same rows, subjects resolved beforehand ──
  t = performance.now();
  await client.query('BEGIN');
  await client.query(`COPY annual_ratings (tenant_id, id, person_id, year, rating, source_number, source_date, source_issuer, created_by, created_at, updated_at)
    FROM '${copyFile}' WITH (FORMAT csv)`);
  await client.query('COMMIT');
  const bare = performance.now() - t;
  console.log(`bare COPY of ${ROWS.toLocaleString('en')} rows: ${(bare / 1000).toFixed(1)} s, ${Math.round(ROWS / (bare / 1000)).toLocaleString('en')} rows/s`);
  await client.query('DELETE FROM annual_ratings');
  await client.query('VACUUM ANALYZE annual_ratings');

  // ── 2. app: the whole import through the service, from the file on disk ──
  // With node --expose-gc (NODE_OPTIONS=--expose-gc), memory is sampled after a full collection every 100,000 rows
  // written: what the import holds, not garbage not yet collected (those runs are for memory, not for speed).
  // BENCH_HEAP_SNAPSHOT=<rows> also writes a heap snapshot once that many rows are read.
  const gc = (globalThis as { gc?: () => void }).gc;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  const sample = () => { gc!(); const m = process.memoryUsage(); return { rss: m.rss, heap: m.heapUsed, external: m.external + m.arrayBuffers }; };
  const before = gc ? sample() : null;
  const peak = { rss: 0, heap: 0, external: 0 };
  let nextSample = 100_000;
  let snapshotAt = Number(process.env.BENCH_HEAP_SNAPSHOT ?? 0);
  let peakHeap = 0;
  // The run a person waits for goes through the route over a real connection: the file sent as the request's body
  // (streamed from disk), spooled by the server to a temporary file, read, checked and written, and answered.
  // With --expose-gc the run goes through the service instead, to sample memory at each batch.
  let result: { created: number };
  if (gc) {
    t = performance.now();
    result = await importRecords({ db: handle.db, actor, now: new Date(), requestId: 'bench' }, {
      kind: 'ratings', file: { path: file, size: bytes, sha256 }, fileName: 'xep-loai.csv', dryRun: false, locale: 'vi',
      limits: { maxRows: ROWS, sheetBytes: 1024 * 1024 * 1024 },
      onProgress: (progress) => {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        if (snapshotAt > 0 && progress.read >= snapshotAt) {
          console.log(`heap snapshot at ${progress.read} rows read: ${v8.writeHeapSnapshot()}`);
          snapshotAt = 0;
          return;
        }
        if (progress.written >= nextSample) {
          nextSample += 100_000;
          const m = sample();
          for (const k of ['rss', 'heap', 'external'] as const) peak[k] = Math.max(peak[k], m[k]);
          console.log(`  ${progress.written.toLocaleString('en')} written: rss ${mb(m.rss)}, heap ${mb(m.heap)}, external ${mb(m.external)} (after gc)`);
        }
      },
    });
  } else {
    const { app: server } = await startTestApp(handle, { uploadMaxMb: Math.ceil(bytes / 1024 / 1024) + 1, importMaxRows: ROWS });
    try {
      await buildUser(handle.db, tenantId, 'system_admin', { id: root.id!, path: root.path!, tenantId, name: root.name! }, { username: 'quantri.bench' });
      const admin = await signIn(server, 'quantri.bench');
      const address = await server.listen({ port: 0, host: '127.0.0.1' });
      t = performance.now();
      const response = await fetch(`${address}/api/records/import?kind=ratings&fileName=xep-loai.csv`, {
        method: 'POST', duplex: 'half', body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv', 'content-length': String(bytes) },
      } as RequestInit);
      result = await response.json() as { created: number };
      if (response.status !== 200) throw new Error(`import: ${response.status} ${JSON.stringify(result)}`);
    } finally {
      await server.close();
    }
  }
  const app = performance.now() - t;
  if (result.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify(result)}`);
  console.log(`app import of ${ROWS.toLocaleString('en')} rows ${gc ? 'through the service' : 'through the route'}: ${(app / 1000).toFixed(1)} s, `
    + `${Math.round(ROWS / (app / 1000)).toLocaleString('en')} rows/s (${(app / bare).toFixed(1)}× the COPY)`
    + `${gc ? `, heap peak ${(peakHeap / 1024 / 1024).toFixed(0)} MB at progress (collected or not)` : ''}`);
  if (before) {
    console.log(`memory after gc: before the import rss ${mb(before.rss)}, heap ${mb(before.heap)}; `
      + `peak during it rss ${mb(peak.rss)}, heap ${mb(peak.heap)} (+${mb(peak.heap - before.heap)}), external ${mb(peak.external)}`);
  }
  // ── 3. the same file again: every key is there and nothing differs, so nothing is written ──
  t = performance.now();
  const again = await importRecords({ db: handle.db, actor, now: new Date(), requestId: 'bench' }, {
    kind: 'ratings', file: { path: file, size: bytes, sha256 }, fileName: 'xep-loai.csv', dryRun: false, locale: 'vi',
    limits: { maxRows: ROWS, sheetBytes: 1024 * 1024 * 1024 },
  });
  const reimport = performance.now() - t;
  if (again.unchanged !== ROWS) throw new Error(`expected ${ROWS} unchanged, got ${JSON.stringify(again)}`);
  console.log(`the same file again (all unchanged): ${(reimport / 1000).toFixed(1)} s, ${Math.round(ROWS / (reimport / 1000)).toLocaleString('en')} rows/s`);
  benchLine('records-import', [app], [bare]);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await bench.close();
}
