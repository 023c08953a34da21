import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CalendarDay } from '../../platform/vn/holidays.ts';

type Db = Kysely<Database>;

/** The operator's shared decisions: a handful of rows a year, read whole. */
export async function sharedDays(db: Db): Promise<CalendarDay[]> {
  const rows = await db.selectFrom('holiday_days').select(['day', 'off', 'name']).orderBy('day').execute();
  return rows.map((r) => ({ date: r.day, off: r.off, name: r.name }));
}

/** One tenant's own days. */
export async function ownDays(db: Db, tenantId: string): Promise<CalendarDay[]> {
  const rows = await db.selectFrom('tenant_holiday_days').select(['day', 'off', 'name']).where('tenant_id', '=', tenantId).orderBy('day').execute();
  return rows.map((r) => ({ date: r.day, off: r.off, name: r.name }));
}
