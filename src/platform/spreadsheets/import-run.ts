import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Thrown inside the transaction of a dry run so that it rolls back after the counts are known. */
class DryRunDone<T> extends Error {
  constructor(readonly result: T) { super('dry run'); }
}

/**
 * The one transaction of an import: the whole file is written or nothing. A dry run does the same
 * writes and rolls them back, so its counts are exactly what the real import would do (the shape of
 * the records import, modules/records/import/service.ts).
 */
export async function importTransaction<T>(db: Kysely<Database>, dryRun: boolean, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await work(trx);
      if (dryRun) throw new DryRunDone(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result as T;
    throw error;
  }
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
