import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { startJobQueue, type JobQueue } from './jobs.ts';

let handle: DatabaseHandle;
let jobs: JobQueue;
const errors: Error[] = [];
// one pg-boss schema per test file, like the test database itself
const schema = `jobs_${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  handle = await openTestDatabase();
  // maintenance every second, so its BEGIN … COMMIT commands run on PGlite's one connection during the tests
  jobs = await startJobQueue(handle, {
    schema, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, onError: (error) => errors.push(error),
  });
});

afterAll(async () => {
  await jobs.stop();
  await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(handle.db);
  await handle.close();
});

/**
 * Resolves when `check` holds (the queue's state itself, not a guess at how long it takes), polling every 50 ms;
 * the bound is generous because two loaded cores may delay a poll by seconds.
 */
async function eventually(check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function jobState(queue: string, id: string): Promise<string | undefined> {
  const result = await sql<{ state: string }>`SELECT state FROM ${sql.id(schema, 'job')} WHERE name = ${queue} AND id = ${id}::uuid`
    .execute(handle.db);
  return result.rows[0]?.state;
}

describe('job queue', () => {
  it('works an enqueued job exactly once, with its data', async () => {
    const seen: { n: number; text: string }[] = [];
    await jobs.work<{ n: number; text: string }>('once', async (data) => { seen.push(data); });
    const id = await jobs.enqueue('once', { n: 7, text: 'Thi đua' });
    expect(id).toEqual(expect.any(String));

    await eventually(async () => (await jobState('once', id!)) === 'completed');
    await sleep(1_500); // a few more polls: nothing is worked twice
    expect(seen).toEqual([{ n: 7, text: 'Thi đua' }]);
  });

  it('does not work a job before its startAfter', async () => {
    const seenAt: number[] = [];
    await jobs.work('later', async () => { seenAt.push(Date.now()); });
    const startAfter = new Date(Date.now() + 2_000);
    const id = await jobs.enqueue('later', { kind: 'reminder' }, { startAfter });

    // still before its time (however slowly this line is reached): not worked yet
    const state = await jobState('later', id!);
    if (Date.now() < startAfter.getTime() - 100) expect(state).toBe('created');

    await eventually(() => seenAt.length > 0);
    expect(seenAt[0]!).toBeGreaterThanOrEqual(startAfter.getTime() - 50);
    expect(seenAt).toHaveLength(1);
  });

  it('keeps one waiting job per singletonKey', async () => {
    const first = await jobs.enqueue('single', { x: 1 }, { singletonKey: 'org-1', startAfter: new Date(Date.now() + 60_000) });
    const second = await jobs.enqueue('single', { x: 2 }, { singletonKey: 'org-1', startAfter: new Date(Date.now() + 60_000) });
    const otherKey = await jobs.enqueue('single', { x: 3 }, { singletonKey: 'org-2', startAfter: new Date(Date.now() + 60_000) });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(otherKey).toEqual(expect.any(String));
  });

  it('a singleton key is free again once its job has been worked', async () => {
    const seen: number[] = [];
    await jobs.work<{ x: number }>('single-worked', async ({ x }) => { seen.push(x); });
    const first = await jobs.enqueue('single-worked', { x: 1 }, { singletonKey: 'k' });
    expect(first).toEqual(expect.any(String));
    await eventually(async () => (await jobState('single-worked', first!)) === 'completed');
    expect(await jobs.enqueue('single-worked', { x: 2 }, { singletonKey: 'k' })).toEqual(expect.any(String));
    await eventually(() => seen.length === 2);
    expect(seen).toEqual([1, 2]);
  });

  it('enqueues inside a transaction: the job exists only if it commits', async () => {
    const committed = await handle.db.transaction().execute((trx) => jobs.enqueue('in-trx', { ok: true }, { transaction: trx }));
    expect(await jobState('in-trx', committed!)).toBeDefined();

    let rolledBack: string | null = null;
    await expect(handle.db.transaction().execute(async (trx) => {
      rolledBack = await jobs.enqueue('in-trx', { ok: false }, { transaction: trx });
      throw new Error('command failed');
    })).rejects.toThrow('command failed');
    expect(rolledBack).toEqual(expect.any(String));
    expect(await jobState('in-trx', rolledBack!)).toBeUndefined();
  });

  it('a failing handler fails the job without stopping the worker', async () => {
    const seen: number[] = [];
    await jobs.work<{ n: number }>('flaky', async ({ n }) => {
      seen.push(n);
      if (n === 1) throw new Error('boom');
    });
    const bad = await jobs.enqueue('flaky', { n: 1 });
    await jobs.enqueue('flaky', { n: 2 });
    await eventually(() => seen.includes(2));
    await eventually(async () => /^(retry|failed)$/.test((await jobState('flaky', bad!)) ?? ''));
    expect(seen).toContain(1);
  });

  it('ran maintenance on the shared connection without errors', async () => {
    const result = await sql<{ maintained_on: Date | null }>`SELECT maintained_on FROM ${sql.id(schema, 'version')}`.execute(handle.db);
    expect(result.rows[0]?.maintained_on).not.toBeNull();
    expect(errors).toEqual([]);
  });

  it('stop() resolves with no job work left behind, and the queue refuses new work', async () => {
    const other = await startJobQueue(handle, { schema, pollingIntervalSeconds: 0.5, maintenance: false, onError: (e) => errors.push(e) });
    let started = 0;
    let done = 0;
    await other.work('slow', async () => { started++; await sleep(500); done++; });
    const id = await other.enqueue('slow', {});
    await eventually(() => started === 1);
    await other.stop(); // while the handler is still running

    expect(done).toBe(1);
    expect(await jobState('slow', id!)).toBe('completed');
    await expect(other.enqueue('slow', {})).rejects.toThrow('stopped');
    expect(errors).toEqual([]);
  });
});
