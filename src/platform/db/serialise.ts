import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs work one key at a time in this process, and lets the waiters wait here rather than on a pooled
 * connection: a burst of one tenant's submissions queues in memory while every other request keeps the
 * pool (a row lock taken inside the transaction held all ten connections hostage).
 */
export function oneAtATime() {
  const tails = new Map<string, Promise<void>>();
  return async function run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = tails.get(key) ?? Promise.resolve();
    let done!: () => void;
    const finished = new Promise<void>((resolve) => { done = resolve; });
    const mine = before.then(() => finished);
    tails.set(key, mine);
    await before;
    try {
      return await work();
    } finally {
      done();
      if (tails.get(key) === mine) tails.delete(key);
    }
  };
}

/** A 32-bit FNV-1a hash of a key, as the signed int PostgreSQL's two-key advisory locks take. */
export function lockKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * A transaction-level advisory lock on (space, key), for writers in other processes: it waits at most
 * `timeoutMs`, then the database refuses the transaction (SQLSTATE 55P03, a 409 "try again") instead of
 * parking a connection indefinitely. The timeout then bounds the transaction's other lock waits as well.
 */
export async function lockForTransaction(trx: Kysely<Database>, space: number, key: string, timeoutMs: number) {
  await sql`SELECT set_config('lock_timeout', ${`${timeoutMs}ms`}, true)`.execute(trx);
  await sql`SELECT pg_advisory_xact_lock(${space}::int, ${lockKey(key)}::int)`.execute(trx);
}
