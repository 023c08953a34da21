import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Extensions } from '@electric-sql/pglite';
import type { Database } from './schema.ts';
import { acquireDataDirLock } from './lock.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent the embedded PGlite is used */
  databaseUrl?: string | undefined;
  /** folder for PGlite data, or 'memory://' for a throw-away database */
  pgliteDir?: string;
  /** PostgreSQL schema to work in (tests isolate themselves this way) */
  schema?: string;
  /** PGlite: how long a request waits for the single connection before it is told the office is busy */
  acquireTimeoutMs?: number;
  /** PGlite: extensions to load besides pg_trgm (a test reading pages with pageinspect) */
  pgliteExtensions?: Extensions;
}

// Calendar dates stay 'YYYY-MM-DD' strings (no time zone games); bigint counts become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/**
 * PGlite has no working statement_timeout and one connection: a request waits this long for it, then
 * gets 503 "busy" instead of hanging (the app-side guard of single-office mode).
 */
const PGLITE_ACQUIRE_TIMEOUT_MS = 15_000;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema);
  return openPglite(options.pgliteDir ?? 'memory://', options.acquireTimeoutMs ?? PGLITE_ACQUIRE_TIMEOUT_MS, options.pgliteExtensions ?? {});
}

async function openPostgres(connectionString: string, schema: string | undefined): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString,
    types,
    max: 10,
    // server-side guard: no statement runs away with the database
    options: `-c statement_timeout=30000${schema ? ` -c search_path=${schema},public` : ''}`,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPglite(dir: string, acquireTimeoutMs: number, extensions: Extensions): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const inMemory = dir.startsWith('memory://');
  const release = inMemory ? () => {} : acquireDataDirLock(path.dirname(path.resolve(dir)));
  try {
    const pglite = await PGlite.create(inMemory ? dir : path.resolve(dir), { extensions: { pg_trgm, ...extensions } });
    const pool = new pg.Pool({ ...createPgConfig(pglite), types, connectionTimeoutMillis: acquireTimeoutMs });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      async close() {
        await db.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
