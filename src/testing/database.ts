import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { testDatabaseUrl } from './global-setup.ts';

/**
 * A real, migrated, empty database for one test file: an in-memory PGlite, or a schema of its own on
 * the PostgreSQL server (TEST_DB=postgres), dropped when the file is done. `migrated: false` leaves it
 * empty, for the tests of migrate itself.
 */
export async function openTestDatabase({ migrated = true } = {}): Promise<DatabaseHandle> {
  if (process.env.TEST_DB !== 'postgres') {
    const handle = await openDatabase({ pgliteDir: 'memory://' });
    if (migrated) await migrate(handle.db);
    return handle;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: testDatabaseUrl() });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const handle = await openDatabase({ databaseUrl: testDatabaseUrl(), schema });
  if (migrated) await migrate(handle.db);
  return {
    ...handle,
    async close() {
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(handle.db);
      await handle.close();
    },
  };
}
