import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle, type DatabaseOptions } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { buildOrganisation, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { testDatabaseUrl } from '../../testing/global-setup.ts';
import { importPeople } from './service.ts';
import { peopleFileRows, peopleWorkbook } from './people.testing.ts';

/**
 * "An import of 100,000 people is one transaction and survives a kill -9 with nothing partial": a real
 * process imports a people file of three batches and is killed with SIGKILL after its first batch of people
 * is written (import-kill.child.ts stops there and says so: no timing involved). Nothing of the file is
 * in the database afterwards, the database opens as before (the PGlite folder, the PostgreSQL schema), and
 * the same file then imports whole. The size of the file changes nothing here but the time it takes.
 */
const PEOPLE = 11_000; // three statements of at most 5,000 people (onboarding/store.ts)
const postgres = process.env.TEST_DB === 'postgres';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-import-kill-'));
const schema = `t_${randomBytes(6).toString('hex')}`;
const location: DatabaseOptions = postgres ? { databaseUrl: testDatabaseUrl(), schema } : { pgliteDir: path.join(work, 'pglite') };
const file = path.join(work, 'can-bo.xlsx');
let tenantId: string;
let userId: string;
let root: BuiltOrganisation;

async function withDatabase<T>(use: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(location);
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

const counts = (handle: DatabaseHandle) => sql<{ people: number; employments: number; audit: number }>`
  SELECT (SELECT count(*)::int FROM people WHERE tenant_id = ${tenantId}) AS people,
         (SELECT count(*)::int FROM employments WHERE tenant_id = ${tenantId}) AS employments,
         (SELECT count(*)::int FROM audit_log WHERE tenant_id = ${tenantId} AND action LIKE 'onboarding.%') AS audit`
  .execute(handle.db).then((r) => r.rows[0]!);

beforeAll(async () => {
  if (postgres) {
    const admin = await openDatabase({ databaseUrl: testDatabaseUrl() });
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
    await admin.close();
  }
  const unitCodes: string[] = [];
  await withDatabase(async ({ db }) => {
    await migrate(db);
    tenantId = (await buildTenant(db)).id;
    root = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà', code: 'UBND' });
    for (let d = 1; d <= 4; d++) {
      await buildOrganisation(db, tenantId, root, { name: `Ủy ban nhân dân huyện Số ${d}`, kind: 'peoples_committee', level: 'district', code: `H${d}` });
      unitCodes.push(`H${d}`);
    }
    userId = (await buildUser(db, tenantId, 'system_admin', root, { username: 'quantri.kill' })).id;
  });
  fs.writeFileSync(file, await peopleWorkbook(peopleFileRows({ people: PEOPLE, unitCodes })));
}, 120_000);

afterAll(async () => {
  if (postgres) {
    const admin = await openDatabase({ databaseUrl: testDatabaseUrl() });
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(admin.db);
    await admin.close();
  }
  fs.rmSync(work, { recursive: true, force: true });
});

/** Starts the importing process and kills it with SIGKILL once it says it is inside the transaction. */
function importAndKill(): Promise<{ said: string; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'import-kill.child.ts')], {
    env: {
      ...process.env, KILL_FILE: file, KILL_TENANT: tenantId, KILL_USER: userId, KILL_ROOT: `${root.id}|${root.path}|${root.name}`,
      ...(postgres ? { KILL_DATABASE_URL: testDatabaseUrl(), KILL_SCHEMA: schema } : { KILL_PGLITE_DIR: location.pgliteDir }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let said = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => {
    said += chunk.toString();
    if (said.includes('inside the transaction')) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve({ said, signal }) : reject(new Error(`the import was not killed (exit ${code}): ${said}${errors}`))));
  });
}

describe('a people import killed with SIGKILL in the middle of its transaction', () => {
  it('leaves nothing of the file; the database opens as before and the same file then imports whole', async () => {
    const killed = await importAndKill();
    expect(killed.said).toContain('inside the transaction, people written');
    await withDatabase(async (handle) => {
      expect(await counts(handle)).toEqual({ people: 0, employments: 0, audit: 0 });
      const result = await importPeople({
        db: handle.db, now: new Date(), requestId: 'after-kill',
        actor: { userId, tenantId, username: 'quantri.kill', displayName: 'Quản trị', personId: null,
          grants: [{ id: userId, role: 'system_admin', organisationId: root.id, organisationName: root.name, path: root.path }] },
      }, { file: fs.readFileSync(file), fileName: 'can-bo.xlsx', dryRun: false, locale: 'vi' });
      expect(result.people?.created).toBe(PEOPLE);
      const after = await counts(handle);
      expect(after.people).toBe(PEOPLE);
      expect(after.employments).toBe(result.created);
      expect(after.audit).toBe(1);
    });
  }, 240_000);
});
