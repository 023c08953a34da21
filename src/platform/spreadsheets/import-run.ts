import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { matchColumns, type ColumnSpec, type MatchOptions, type RowError } from './columns.ts';
import { readSheet } from './sheet.ts';

/**
 * Reads an import file and finds its columns: 400 import.bad_headers (what was expected, what was
 * found) when they do not match, 400 import.empty when no row follows the headers.
 */
export async function readImportFile<K extends string>(file: Buffer, columns: readonly ColumnSpec<K>[], options?: MatchOptions) {
  const sheet = await readSheet(file);
  const match = matchImportHeaders(sheet.headers, columns, options);
  if (sheet.rows.length === 0) throw new AppError('import.empty', 400);
  return { sheet, ...match };
}

/** The columns of a header row, or 400 import.bad_headers naming what was expected and what was found. */
export function matchImportHeaders<K extends string>(found: string[], columns: readonly ColumnSpec<K>[], options?: MatchOptions) {
  const match = matchColumns(columns, found, options);
  if (!match.ok) {
    throw new AppError('import.bad_headers', 400, { expected: match.expected.join(' | '), found: match.found.join(' | ') || '—' },
      { expected: match.expected, found: match.found });
  }
  return { positions: match.positions, headers: match.headers };
}

/** 422 import.invalid_rows with every bad row (row, column, message): nothing is written. */
export function refuseRows(errors: RowError[]): never {
  throw new AppError('import.invalid_rows', 422, { count: errors.length }, { errors });
}

/** Thrown inside the transaction of a dry run so that it rolls back after the counts are known. */
class DryRunDone<T> extends Error {
  constructor(readonly result: T) { super('dry run'); }
}

/**
 * The one transaction of an import: the whole file is written or nothing. A dry run does the same
 * writes and rolls them back, so its counts are exactly what the real import would do.
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
