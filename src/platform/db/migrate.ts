import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface Migration { version: number; name: string; sql: string }

/** migrations/NNNN_name.sql, in order: the only place the schema changes. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_.+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
}

/** Applies what is missing, each migration in its own transaction; safe to run from two processes. */
export async function migrate(db: Kysely<Database>, migrations = readMigrations()): Promise<Migration[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: Migration[] = [];
  for (const migration of migrations) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(727274)`.execute(trx);
      const row = await trx.selectFrom('schema_migrations').select('version')
        .where('version', '=', migration.version).executeTakeFirst();
      if (row) return false;
      // a migration is not a request: filling a new table from millions of rows may take longer than
      // the 30 s a request's statement gets (database.ts)
      await sql`SET LOCAL statement_timeout = 0`.execute(trx);
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ version: migration.version, name: migration.name }).execute();
      return true;
    });
    if (done) applied.push(migration);
  }
  return applied;
}

export async function currentMigration(db: Kysely<Database>): Promise<{ version: number; name: string } | null> {
  const row = await db.selectFrom('schema_migrations').select(['version', 'name'])
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ?? null;
}
