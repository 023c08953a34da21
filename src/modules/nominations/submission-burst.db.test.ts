import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { sql } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp } from '../../testing/app.ts';
import { eventually } from '../../testing/smtp.ts';
import { testDatabaseUrl } from '../../testing/global-setup.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { lockKey } from '../../platform/db/serialise.ts';
import { batchAwaitingHead, buildOfficeReview } from './fixture.testing.ts';
import { SUBMISSIONS_LOCK_SPACE } from './store.ts';

/**
 * Fifty heads' submissions of one tenant at the same instant are serialised (quotas and receipt numbers are
 * per tenant) without holding the pool hostage: while they wait, an unrelated request is answered. On
 * PostgreSQL the tenant's submission lock is first held by another session, so the burst really waits.
 */
const BURST = 50;
let handle: DatabaseHandle;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildOfficeReview>>;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  world = await buildOfficeReview(handle.db);
});
afterAll(async () => { await app.close(); await handle.close(); });

/** How many of the app's connections wait on the tenant's submission lock. */
async function waitingOnTheLock() {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
    AND classid = ${SUBMISSIONS_LOCK_SPACE}::int::oid AND objid = ${lockKey(world.tenantId)}::int::oid`.execute(handle.db);
  return Number(r.rows[0]!.n);
}

describe('a burst of submissions', () => {
  it('waits in line without the pool: unrelated requests are answered meanwhile, then every submission is, in turn', async () => {
    const batches: string[] = [];
    for (let i = 1; i <= BURST; i++) batches.push(await batchAwaitingHead(handle.db, world, i));
    const head = await signIn(app, 'head.sub1');
    const officer = await signIn(app, 'officer.other');

    // on PostgreSQL another session holds the tenant's submission lock until we let go
    const holder = handle.kind === 'postgres' ? new pg.Client({ connectionString: testDatabaseUrl() }) : null;
    if (holder) {
      await holder.connect();
      await holder.query('SELECT pg_advisory_lock($1::int, $2::int)', [SUBMISSIONS_LOCK_SPACE, lockKey(world.tenantId)]);
    }
    const burst = batches.map((b) => head.request({ method: 'POST', url: `/api/nominations/batches/${b}/submit` }));
    try {
      if (holder) await eventually(async () => (await waitingOnTheLock()) === 1);
      // an unrelated request while the burst waits: with the pool held hostage it would never be answered
      const unrelated = await officer.request({ method: 'GET', url: '/api/people?page=1' });
      expect(unrelated.statusCode, unrelated.body).toBe(200);
      // and still only one submission waits in the database; the others wait in line without a connection
      if (holder) expect(await waitingOnTheLock()).toBe(1);
    } finally {
      if (holder) await holder.end();
    }
    const answers = await Promise.all(burst);
    expect(answers.map((r) => r.statusCode)).toEqual(batches.map(() => 200));
    const receipts = answers.map((r) => r.json().receiptNumber as string);
    expect(new Set(receipts).size).toBe(BURST);
  });
});
