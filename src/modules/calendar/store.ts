import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CalendarDay } from '../../platform/vn/holidays.ts';

type Db = Kysely<Database>;

/** A decided day with the version of its row (sent back when it is changed). */
export type DecidedDay = CalendarDay & { version: number };

/** The operator's shared decisions: a handful of rows a year, read whole. */
export async function sharedDays(db: Db): Promise<DecidedDay[]> {
  const rows = await db.selectFrom('holiday_days').select(['day', 'off', 'name', 'version']).orderBy('day').execute();
  return rows.map((r) => ({ date: r.day, off: r.off, name: r.name, version: r.version }));
}

/** One tenant's own days. */
export async function ownDays(db: Db, tenantId: string): Promise<DecidedDay[]> {
  const rows = await db.selectFrom('tenant_holiday_days').select(['day', 'off', 'name', 'version']).where('tenant_id', '=', tenantId).orderBy('day').execute();
  return rows.map((r) => ({ date: r.day, off: r.off, name: r.name, version: r.version }));
}
