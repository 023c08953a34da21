import { AsyncLocalStorage } from 'node:async_hooks';
import PgBoss from 'pg-boss';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

/**
 * Background work (reminders, document generation, imports) on pg-boss, run through the app's own
 * connection pool: on PGlite there is exactly one connection, so pg-boss must not open its own.
 */
export interface JobQueue {
  /** Queue a job; the id, or null when a job with the same singletonKey is already waiting. */
  enqueue<T extends object>(name: string, data: T, options?: EnqueueOptions): Promise<string | null>;
  /** Handle jobs of this name, one at a time per call, until stop(). A throw fails the job (pg-boss retries per queue policy). */
  work<T>(name: string, handler: (data: T) => Promise<void>): Promise<void>;
  /** Stop polling, let running handlers finish, wait until no job SQL is in flight. Does not close the database. */
  stop(): Promise<void>;
}

export interface EnqueueOptions {
  /** not before this time */
  startAfter?: Date;
  /** a failed job is tried again this many times (default 0: pg-boss's queue default) */
  retryLimit?: number;
  /** seconds before the first retry; with retryBackoff, doubled each time (exponential backoff with jitter) */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /**
   * At most one waiting job (created or retry) per (name, key): a second enqueue returns null. pg-boss 10
   * itself only honours singletonKey under special queue policies, so this is checked here, under an
   * advisory lock, in a transaction.
   */
  singletonKey?: string;
  /**
   * Enqueue inside this Kysely transaction, so the job exists only if the command commits. Needed on
   * PGlite when already in a transaction: the single connection is held by it, and enqueueing
   * through the pool would wait for it forever.
   */
  transaction?: Kysely<Database>;
}

export interface JobQueueOptions {
  /** PostgreSQL schema for pg-boss's tables (default 'pgboss'); created and migrated on start */
  schema?: string;
  /** how often an idle worker looks for jobs (default 2 s; pg-boss allows ≥ 0.5 s) */
  pollingIntervalSeconds?: number;
  /** pg-boss maintenance: expire stuck jobs, archive and delete old ones (default true) */
  maintenance?: boolean;
  /** how often maintenance runs (default 300 s) */
  maintenanceIntervalSeconds?: number;
  /** pg-boss cron scheduling; off by default (it polls its own queue and adds timers) */
  schedule?: boolean;
  /** errors pg-boss reports in the background (failed polls, maintenance); default console.error */
  onError?: (error: Error) => void;
}

type Executor = Pick<Kysely<Database>, 'executeQuery'>;
type SqlResult = { rows: unknown[]; rowCount: number };

export async function startJobQueue(handle: DatabaseHandle, options: JobQueueOptions = {}): Promise<JobQueue> {
  const inFlight = new Set<Promise<unknown>>();
  const track = <R>(promise: Promise<R>): Promise<R> => {
    inFlight.add(promise);
    const forget = () => { inFlight.delete(promise); };
    promise.then(forget, forget);
    return promise;
  };

  // pg-boss SQL runs through the pool, or through the transaction an enqueue was asked to join
  const joined = new AsyncLocalStorage<Kysely<Database>>();
  const schema = options.schema ?? 'pgboss';
  const boss = new PgBoss({
    db: {
      executeSql(text: string, values?: unknown[]) {
        const trx = joined.getStore();
        return trx ? run(trx, text, values) : track(runOnOneConnection(handle.db, text, values));
      },
    },
    schema,
    migrate: true,
    supervise: options.maintenance ?? true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 300,
    schedule: options.schedule ?? false,
    // monitor-states stays off: it is only on when monitorStateIntervalSeconds is given
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
  });
  const onError = options.onError ?? ((error: Error) => { console.error('job queue:', error); });
  boss.on('error', onError);
  await boss.start();

  // pg-boss 10 needs a queue before send/work; created once, outside any caller's transaction
  const queues = new Map<string, Promise<void>>();
  const created = new Set<string>();
  const ensureQueue = (name: string): Promise<void> => {
    let creating = queues.get(name);
    if (!creating) {
      creating = joined.exit(() => boss.createQueue(name)).then(() => { created.add(name); });
      queues.set(name, creating);
      creating.catch(() => queues.delete(name));
    }
    return creating;
  };

  /** Send inside `trx` (joined): creates the queue there if need be, checks the singleton key. */
  const sendIn = async (trx: Kysely<Database>, name: string, data: object, sendOptions: PgBoss.SendOptions) => {
    // on PGlite the pool's one connection is held by trx: the queue must be made through it (not cached,
    // the transaction may roll back; create_queue does nothing when the queue exists)
    if (!created.has(name)) await boss.createQueue(name);
    const key = sendOptions.singletonKey;
    if (key !== undefined) {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${schema}/${name}/${key}`}, 0))`.execute(trx);
      const waiting = await sql`
        SELECT 1 FROM ${sql.id(schema, 'job')}
        WHERE name = ${name} AND singleton_key = ${key} AND state IN ('created', 'retry') LIMIT 1`.execute(trx);
      if (waiting.rows.length > 0) return null;
    }
    return boss.send(name, data, sendOptions);
  };

  const running = new Set<Promise<void>>();
  const workers = new Map<string, string[]>();
  let stopped = false;
  const assertRunning = () => {
    if (stopped) throw new Error('job queue is stopped');
  };

  return {
    async enqueue(name, data, enqueueOptions = {}) {
      assertRunning();
      const sendOptions: PgBoss.SendOptions = {};
      if (enqueueOptions.startAfter) sendOptions.startAfter = enqueueOptions.startAfter;
      if (enqueueOptions.singletonKey !== undefined) sendOptions.singletonKey = enqueueOptions.singletonKey;
      if (enqueueOptions.retryLimit !== undefined) sendOptions.retryLimit = enqueueOptions.retryLimit;
      if (enqueueOptions.retryDelaySeconds !== undefined) sendOptions.retryDelay = enqueueOptions.retryDelaySeconds;
      if (enqueueOptions.retryBackoff !== undefined) sendOptions.retryBackoff = enqueueOptions.retryBackoff;
      const trx = enqueueOptions.transaction;
      if (trx) return joined.run(trx, () => sendIn(trx, name, data, sendOptions));
      await ensureQueue(name);
      const id = sendOptions.singletonKey === undefined
        ? await boss.send(name, data, sendOptions)
        : await handle.db.transaction().execute((own) => joined.run(own, () => sendIn(own, name, data, sendOptions)));
      // no LISTEN/NOTIFY: wake this process's own idle workers for the queue instead of waiting a poll
      if (id && !sendOptions.startAfter && !stopped) for (const workerId of workers.get(name) ?? []) boss.notifyWorker(workerId);
      return id;
    },

    async work<T>(name: string, handler: (data: T) => Promise<void>) {
      assertRunning();
      await ensureQueue(name);
      const worker: { id?: string } = {}; // set once boss.work answers; the handler only runs after a poll
      worker.id = await joined.exit(() => boss.work<T>(name, { batchSize: 1 }, async (jobs) => {
        for (const job of jobs) {
          const handled = handler(job.data);
          running.add(handled);
          try {
            await handled;
          } finally {
            running.delete(handled);
            // pg-boss waits a full polling interval after every job; there may be more waiting
            if (worker.id && !stopped) boss.notifyWorker(worker.id);
          }
        }
      }));
      workers.set(name, [...(workers.get(name) ?? []), worker.id]);
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, wait: true, close: false });
      // pg-boss lets workers finish a poll already under way after stop() and then marks jobs complete
      // without awaiting it; wait until nothing of ours touches the database, so the caller may close it.
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (inFlight.size === 0 && running.size === 0) break;
        await Promise.allSettled([...inFlight, ...running]);
      }
      boss.off('error', onError);
    },
  };
}

async function run(db: Executor, text: string, values: unknown[] | undefined): Promise<SqlResult> {
  const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
  return { rows: result.rows, rowCount: Number(result.numAffectedRows ?? result.rows.length) };
}

/**
 * pg-boss sends some commands as one text with its own BEGIN … COMMIT (migrations, maintenance). If one
 * of them fails, the connection stays in an aborted transaction; on PGlite that is the app's only
 * connection. So run each command on one connection and roll back on failure before giving it back.
 */
function runOnOneConnection(db: Kysely<Database>, text: string, values: unknown[] | undefined): Promise<SqlResult> {
  return db.connection().execute(async (connection) => {
    try {
      return await run(connection, text, values);
    } catch (error) {
      if (/\bBEGIN\b/i.test(text)) await connection.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => {});
      throw error;
    }
  });
}
