// One command for the benchmarks: `npm run bench -- <name> [arguments]` runs bench/<name>.ts, which ends
// with the line `bench <name>: app p95 X ms, bare p95 Y ms` (bench/report.ts). The PostgreSQL ones use
// DATABASE_URL, by default the local server's `test` database; each works in a schema of its own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const NOT_BENCHMARKS = new Set(['run', 'report', 'seed', 'names', 'province']);
const names = fs.readdirSync(here).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3))
  .filter((n) => !NOT_BENCHMARKS.has(n)).sort();

const name = process.argv[2];
if (!name || !names.includes(name)) {
  console.error(`usage: npm run bench -- <name> [arguments]\nbenchmarks: ${names.join(', ')}`);
  process.exit(2);
}
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
// the benchmark reads its own arguments from process.argv[2…], as when run directly with tsx
process.argv.splice(2, 1);
console.log(`bench ${name} on ${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//')}`);
await import(`./${name}.ts`);
