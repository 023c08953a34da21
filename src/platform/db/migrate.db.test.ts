import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/database.ts';
import type { DatabaseHandle } from './database.ts';
import { migrate, migrationChecksum, MigrationEditedError, readMigrations } from './migrate.ts';

const handles: DatabaseHandle[] = [];
afterAll(async () => { for (const handle of handles) await handle.close(); });

async function emptyDatabase() {
  const handle = await openTestDatabase({ migrated: false });
  handles.push(handle);
  return handle.db;
}

/** A copy of migrations/ that a test may edit. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-migrations-'));
  for (const migration of readMigrations()) fs.writeFileSync(path.join(dir, `${migration.name}.sql`), migration.sql);
  return dir;
}

async function recorded(db: Awaited<ReturnType<typeof emptyDatabase>>) {
  return db.selectFrom('schema_migrations').select(['version', 'name', 'checksum']).orderBy('version').execute();
}

describe('migration checksums', () => {
  it('every applied migration keeps the SHA-256 of its file', async () => {
    const db = await emptyDatabase();
    const migrations = readMigrations();
    expect(await migrate(db, migrations)).toHaveLength(migrations.length);
    expect(await recorded(db)).toEqual(migrations.map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })));
    expect(await migrate(db, migrations)).toEqual([]);
  });

  it('a migration edited after it was applied stops the start, naming the file; nothing newer is applied', async () => {
    const db = await emptyDatabase();
    const dir = copyOfMigrations();
    const all = readMigrations(dir);
    await migrate(db, all);
    const edited = all[2]!;
    fs.appendFileSync(path.join(dir, `${edited.name}.sql`), '\nCREATE INDEX people_birth_year ON people (tenant_id, birth_year);\n');
    fs.writeFileSync(path.join(dir, '9999_newer.sql'), 'CREATE TABLE newer (id integer PRIMARY KEY);\n');
    const attempt = migrate(db, readMigrations(dir));
    await expect(attempt).rejects.toBeInstanceOf(MigrationEditedError);
    await expect(attempt).rejects.toThrow(`migrations/${edited.name}.sql`);
    expect((await recorded(db)).map((r) => r.version)).not.toContain(9999);
  });

  it('line endings are not an edit: a checkout with CRLF starts as well', async () => {
    const db = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(db, readMigrations(dir));
    const first = readMigrations(dir)[0]!;
    fs.writeFileSync(path.join(dir, `${first.name}.sql`), first.sql.replace(/\n/g, '\r\n'));
    expect(migrationChecksum(fs.readFileSync(path.join(dir, `${first.name}.sql`), 'utf8'))).toBe(first.checksum);
    expect(await migrate(db, readMigrations(dir))).toEqual([]);
  });

  it('a database migrated before checksums existed adopts the current files at its next start', async () => {
    const db = await emptyDatabase();
    const migrations = readMigrations();
    const before = migrations.filter((m) => m.version < 21);
    await migrate(db, before);
    const applied = await migrate(db, migrations);
    expect(applied.map((m) => m.version)).toEqual(migrations.filter((m) => m.version >= 21).map((m) => m.version));
    expect((await recorded(db)).map((r) => r.checksum)).toEqual(migrations.map((m) => m.checksum));
    // a row left without one (a start that stopped half-way) is filled too, and then checked
    await db.updateTable('schema_migrations').set({ checksum: null }).where('version', '=', 1).execute();
    await migrate(db, migrations);
    expect((await recorded(db))[0]!.checksum).toBe(migrations[0]!.checksum);
  });
});
