// What the PostgreSQL benchmarks share: a throw-away schema with the app's migrations, a benchmark
// tenant, and a province of ~630 organisations (the people's committee, 30 districts, 20 units each).
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { organisationRow } from '../src/modules/organisations/store.ts';
import { bulkLoadAwards as loadAwards, type AwardsSelected } from '../src/modules/awards/index.ts';
import type { Insertable } from 'kysely';
import type { OrganisationsTable } from '../src/platform/db/schema.ts';
import { nameColumns } from '../src/modules/people/index.ts';
import { makeName, type Gender } from '../src/modules/demo/names.ts';
import { Rng } from '../src/modules/demo/random.ts';

export const DISTRICTS = 30;
export const UNITS_PER_DISTRICT = 20;
export const TENANT_ID = '00000000-0000-7b00-8000-000000000001';

/** A readable fixed id per kind and number: `kind` is one hex digit (after the version 7, so the id stays a valid UUID). */
export const benchId = (kind: string, i: number) => `00000000-0000-7${kind}00-8000-${String(i).padStart(12, '0')}`;
export const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

export interface BenchSchema {
  /** a plain connection without the app's 30 s statement timeout, for the seeding and the direct runs */
  client: pg.Client;
  /** the app's own database handle, on the same schema */
  handle: DatabaseHandle;
  schema: string;
  /** closes both; drops the schema unless BENCH_KEEP is set */
  close(): Promise<void>;
}

/** A new schema `<name>_<pid>` on DATABASE_URL, migrated, with the benchmark tenant. */
export async function openBenchSchema(name: string): Promise<BenchSchema> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL: this benchmark runs on PostgreSQL');
  const schema = `${name}_${process.pid}`;
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema},public` });
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
  await client.query(`CREATE SCHEMA ${schema}`);
  const handle = await openDatabase({ databaseUrl: url, schema });
  await migrate(handle.db);
  await client.query(`INSERT INTO tenants (id, code, name, kind) VALUES ($1, 'bench', 'Tỉnh Benchmark', 'province')`, [TENANT_ID]);
  return {
    client, handle, schema,
    async close() {
      await handle.close();
      if (process.env.BENCH_KEEP) console.log(`kept schema ${schema}`);
      else await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** A schema an earlier run kept (BENCH_KEEP=1), to time again without seeding; closing it keeps it. */
export async function reopenBenchSchema(schema: string): Promise<BenchSchema> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL: this benchmark runs on PostgreSQL');
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema},public` });
  await client.connect();
  const handle = await openDatabase({ databaseUrl: url, schema });
  await migrate(handle.db);
  return { client, handle, schema, async close() { await handle.close(); await client.end(); } };
}

export interface BenchProvince {
  root: Insertable<OrganisationsTable>;
  orgs: Insertable<OrganisationsTable>[];
  /** how many units (below the districts); the temp table bench_units (idx, id, path) numbers them from 0 */
  units: number;
}

/** The province's organisations (names folded and sort-keyed in TypeScript), and bench_units for set-based seeding. */
export async function seedProvince(bench: BenchSchema): Promise<BenchProvince> {
  const now = new Date();
  const root = organisationRow(TENANT_ID, benchId('8', 0), null, { parentId: null, name: 'Ủy ban nhân dân tỉnh Sơn Hà', kind: 'peoples_committee', level: 'province', validFrom: '2000-01-01' }, now);
  const orgs = [root];
  for (let d = 1; d <= DISTRICTS; d++) {
    const district = organisationRow(TENANT_ID, benchId('8', d), root.path, { parentId: root.id, name: `Ủy ban nhân dân huyện Số ${d}`, kind: 'peoples_committee', level: 'district', validFrom: '2000-01-01' }, now);
    orgs.push(district);
    for (let u = 1; u <= UNITS_PER_DISTRICT; u++) {
      const n = DISTRICTS + (d - 1) * UNITS_PER_DISTRICT + u;
      orgs.push(organisationRow(TENANT_ID, benchId('8', n), district.path, { parentId: district.id, name: `Phòng Văn hóa và Thông tin số ${n}`, kind: 'department', level: 'district', validFrom: '2000-01-01' }, now));
    }
  }
  await bench.handle.db.insertInto('organisations').values(orgs).execute();
  await bench.client.query(`CREATE TEMP TABLE bench_units AS SELECT row_number() OVER (ORDER BY path) - 1 AS idx, id, path
    FROM organisations WHERE parent_id IS NOT NULL AND parent_id <> $1::uuid`, [root.id]);
  await bench.client.query('CREATE UNIQUE INDEX ON bench_units (idx)');
  return { root, orgs, units: DISTRICTS * UNITS_PER_DISTRICT };
}

/**
 * Loads awards as a bulk load would (awards/bulk.ts: the awards' secondary indexes dropped and no per-row
 * foreign-key checks during the load, the indexes rebuilt after), timing both. Returns how many awards there are.
 */
export async function bulkLoadAwards(bench: BenchSchema, loads: AwardsSelected[]) {
  let t = performance.now();
  return loadAwards(bench.client, {
    schema: bench.schema, loads,
    progress: (event) => {
      if ('loaded' in event) console.log(`awards ${event.loaded.toLocaleString('en')} inserted: ${seconds(t)}`);
      else console.log(`indexes rebuilt (${event.indexes.join(', ')}): ${seconds(t)}`);
      t = performance.now();
    },
  });
}

/** The name columns of `count` people drawn like the demo's (Kinh and minority names), folded and sort-keyed in TypeScript. */
export function benchNames(count: number, seed: number) {
  const rng = new Rng(seed);
  const ethnicities: [string, number][] = [['Kinh', 85], ['Thái', 5], ['Tày', 3], ['Mường', 3], ['Mông', 2], ['Dao', 2]];
  const cols = { family: [] as string[], middle: [] as string[], given: [] as string[], full: [] as string[], fold: [] as string[], sort: [] as string[], gender: [] as Gender[] };
  for (let i = 0; i < count; i++) {
    const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
    const p = makeName(rng, gender, rng.weighted(ethnicities));
    const c = nameColumns(p.fullName, { family: p.familyName, middle: p.middleName, given: p.givenName });
    cols.family.push(c.family_name); cols.middle.push(c.middle_name); cols.given.push(c.given_name);
    cols.full.push(c.full_name); cols.fold.push(c.name_fold); cols.sort.push(c.sort_key); cols.gender.push(gender);
  }
  return cols;
}
