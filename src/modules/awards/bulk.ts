import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AwardsTable, Database } from '../../platform/db/schema.ts';

/**
 * Bulk loads of synthetic awards for the benchmarks (bench/): millions of rows a query selects,
 * inserted as they come. The query supplies the recipient columns itself and no verification code
 * is given; the tallies are not kept row by row: call rebuildAwardTallies (tallies.ts) afterwards.
 * Nothing in the app writes awards this way: its writers go through ledger.ts.
 */
export type AwardColumn = keyof AwardsTable | 'tenant_id' | 'id';

export interface AwardsSelected {
  /** the columns the query's select list gives, in order */
  columns: readonly AwardColumn[];
  /** a SELECT giving those columns, with $1… placeholders for `values` */
  select: string;
  values?: unknown[];
}

interface Client { query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }> }

export interface BulkLoad {
  /** the schema the benchmark's tables live in */
  schema: string;
  loads: readonly AwardsSelected[];
  /** told after the rows are in (how many awards there are) and after the indexes are rebuilt */
  progress?: (event: { loaded: number } | { indexes: string[] }) => void;
}

/**
 * Loads awards as a bulk load would, on one pg client: the awards' secondary indexes dropped and no
 * per-row foreign-key checks during the load, the indexes rebuilt after. Returns how many awards there are.
 */
export async function bulkLoadAwards(client: Client, load: BulkLoad): Promise<number> {
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'awards' AND indexname <> 'awards_pkey'`, [load.schema]);
  for (const index of indexes) await client.query(`DROP INDEX ${load.schema}.${index.indexname}`);
  await client.query('SET session_replication_role = replica');
  try {
    for (const l of load.loads) await client.query(`INSERT INTO awards (${l.columns.join(', ')}) ${l.select}`, l.values ?? []);
  } finally {
    await client.query('SET session_replication_role = DEFAULT');
  }
  const loaded = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM awards')).rows[0]!.n);
  load.progress?.({ loaded });
  for (const index of indexes) await client.query(index.indexdef);
  load.progress?.({ indexes: indexes.map((i) => i.indexname) });
  return loaded;
}

/** Awards a Kysely query selects, inserted in the caller's transaction (the eligibility benchmark's synthetic records). */
export async function insertSelectedAwards(db: Kysely<Database>, columns: readonly AwardColumn[], select: RawBuilder<unknown>) {
  await sql`INSERT INTO awards (${sql.join(columns.map((c) => sql.ref(c)))}) ${select}`.execute(db);
}
