import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface Migration { version: number; name: string; sql: string; checksum: string }

/** SHA-256 of a migration's text with its line endings normalised, so a checkout with CRLF is no edit. */
export function migrationChecksum(text: string): string {
  return createHash('sha256').update(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/** migrations/NNNN_name.sql, in order: the only place the schema changes. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_.+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return { version: Number(file.slice(0, 4)), name: file.replace(/\.sql$/, ''), sql: text, checksum: migrationChecksum(text) };
    });
}

/**
 * An applied migration whose file no longer has the checksum recorded when it was applied: the
 * database was built from other SQL than the folder says. The start stops; the fix is to restore the
 * file and put the change in a new migration.
 */
export class MigrationEditedError extends Error {
  constructor(readonly files: string[]) {
    const list = files.join(', ');
    super(
      `Tệp migration ${list} đã bị sửa sau khi được áp dụng vào cơ sở dữ liệu này. ` +
        `Hãy khôi phục nội dung cũ và đưa thay đổi vào một migration mới.\n` +
        `The migration file${files.length > 1 ? 's' : ''} ${list} changed after ${files.length > 1 ? 'they were' : 'it was'} applied to this database ` +
        `(its SHA-256 differs from the one recorded in schema_migrations). Restore the applied text and put the change in a new migration.`,
    );
    this.name = 'MigrationEditedError';
  }
}

/**
 * Applies what is missing, each migration in its own transaction; safe to run from two processes.
 * Before that, refuses (MigrationEditedError) if an applied migration's file was edited since; after,
 * records the checksum of every applied migration that has none yet (rows from before 0021).
 */
export async function migrate(db: Kysely<Database>, migrations = readMigrations()): Promise<Migration[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  await assertUnedited(db, migrations);
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
      const checksum = (await hasChecksumColumn(trx)) ? migration.checksum : undefined;
      await trx.insertInto('schema_migrations').values({ version: migration.version, name: migration.name, checksum }).execute();
      return true;
    });
    if (done) applied.push(migration);
  }
  await adoptChecksums(db, migrations);
  return applied;
}

async function hasChecksumColumn(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'schema_migrations' AND column_name = 'checksum'`.execute(db);
  return rows.length > 0;
}

async function assertUnedited(db: Kysely<Database>, migrations: Migration[]): Promise<void> {
  if (!(await hasChecksumColumn(db))) return;
  const recorded = await db.selectFrom('schema_migrations').select(['version', 'checksum'])
    .where('checksum', 'is not', null).execute();
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  const edited = recorded
    .map((row) => ({ row, file: byVersion.get(row.version) }))
    .filter(({ row, file }) => file !== undefined && file.checksum !== row.checksum)
    .map(({ file }) => `migrations/${file!.name}.sql`);
  if (edited.length > 0) throw new MigrationEditedError(edited);
}

/** Rows recorded before the checksum column existed take the files' current text as the applied one. */
async function adoptChecksums(db: Kysely<Database>, migrations: Migration[]): Promise<void> {
  if (migrations.length === 0 || !(await hasChecksumColumn(db))) return;
  const files = sql.join(migrations.map((m) => sql`(${m.version}::integer, ${m.checksum}::text)`));
  await sql`UPDATE schema_migrations SET checksum = file.checksum
    FROM (VALUES ${files}) AS file (version, checksum)
    WHERE schema_migrations.version = file.version AND schema_migrations.checksum IS NULL`.execute(db);
}

export async function currentMigration(db: Kysely<Database>): Promise<{ version: number; name: string } | null> {
  const row = await db.selectFrom('schema_migrations').select(['version', 'name'])
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ?? null;
}
