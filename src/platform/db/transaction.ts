import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs `work` in a transaction: the caller's when `db` already is one, else a new one. A use case made of
 * other use cases (a cluster's proposal creates a nomination batch and adds its candidates) then commits
 * or rolls back as one write, while each inner use case still works on its own.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
