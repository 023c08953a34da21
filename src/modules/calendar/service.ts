import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CommandContext } from '../../platform/command.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { assertOperator, hasPermissionSomewhere, reachablePaths } from '../../platform/auth/policy.ts';
import { holidayCalendar, type WorkingCalendar } from '../../platform/vn/holidays.ts';
import { formatDate, type IsoDate } from '../../platform/vn/dates.ts';
import { changesCalendar, tenantCalendar, yearView } from './model.ts';
import { ownDays, sharedDays } from './store.ts';
import { assertCurrentVersion } from '../../platform/versions.ts';

type Db = Kysely<Database>;

/** The working calendar a tenant's deadlines are counted in: defaults ∪ shared decisions ∪ its own days. */
export async function loadTenantCalendar(db: Db, tenantId: string): Promise<WorkingCalendar> {
  const [shared, own] = await Promise.all([sharedDays(db), ownDays(db, tenantId)]);
  return tenantCalendar(shared, own);
}

export async function presentYear(db: Db, tenantId: string, year: number) {
  const [shared, own] = await Promise.all([sharedDays(db), ownDays(db, tenantId)]);
  return yearView(year, shared, own);
}

export interface DayInput {
  off: boolean; name: string;
  /** set by date (create or replace): the version of the day's row the form saw, none when the day was not set */
  version?: number | undefined;
}

/** A day off or a worked day for this tenant only (its system administrator), audited; a stale version is refused (409). */
export async function setOwnDay(ctx: CommandContext, date: IsoDate, input: DayInput): Promise<void> {
  if (!hasPermissionSomewhere(ctx.actor, 'holiday.manage')) throw new AppError('forbidden', 403);
  const tenantId = ctx.actor.tenantId;
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('tenant_holiday_days').select('version').where('tenant_id', '=', tenantId).where('day', '=', date)
      .forUpdate().executeTakeFirst();
    assertCurrentVersion(input.version, locked?.version);
    const [shared, own] = await Promise.all([sharedDays(trx), ownDays(trx, tenantId)]);
    const before = own.find((d) => d.date === date);
    if (!changesCalendar(holidayCalendar(shared), date, input.off)) {
      throw new AppError(input.off ? 'holiday.already_off' : 'holiday.already_working', 422, { date: formatDate(date) });
    }
    await trx.insertInto('tenant_holiday_days').values({ tenant_id: tenantId, day: date, off: input.off, name: input.name, updated_by: ctx.actor.userId, updated_at: ctx.now })
      .onConflict((oc) => oc.columns(['tenant_id', 'day']).doUpdateSet({
        off: input.off, name: input.name, updated_by: ctx.actor.userId, updated_at: ctx.now, version: sql<number>`tenant_holiday_days.version + 1`,
      }))
      .execute();
    await recordAudit(trx, {
      tenantId, actorUserId: ctx.actor.userId, action: 'holiday.tenant.set', entityType: 'holiday_day', entityId: null,
      organisationPath: reachablePaths(ctx.actor, 'holiday.manage')[0] ?? '/',
      changes: { date, off: [before?.off ?? null, input.off], name: [before?.name ?? null, input.name] }, requestId: ctx.requestId, at: ctx.now,
    });
  });
}

export async function deleteOwnDay(ctx: CommandContext, date: IsoDate): Promise<void> {
  if (!hasPermissionSomewhere(ctx.actor, 'holiday.manage')) throw new AppError('forbidden', 403);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('tenant_holiday_days').where('tenant_id', '=', ctx.actor.tenantId).where('day', '=', date)
      .returning(['off', 'name']).executeTakeFirst();
    if (!removed) throw new AppError('holiday.not_found', 404, { date: formatDate(date) });
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: 'holiday.tenant.delete', entityType: 'holiday_day', entityId: null,
      organisationPath: reachablePaths(ctx.actor, 'holiday.manage')[0] ?? '/', changes: { date, removed }, requestId: ctx.requestId, at: ctx.now,
    });
  });
}

/** A decision for every tenant (the Government's yearly schedule): the platform operator only; a stale version is refused (409). */
export async function setSharedDay(ctx: CommandContext, date: IsoDate, input: DayInput): Promise<void> {
  assertOperator(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('holiday_days').select(['off', 'name', 'version']).where('day', '=', date).forUpdate().executeTakeFirst();
    assertCurrentVersion(input.version, before?.version);
    if (!before && !changesCalendar(holidayCalendar(), date, input.off)) {
      throw new AppError(input.off ? 'holiday.already_off' : 'holiday.already_working', 422, { date: formatDate(date) });
    }
    await trx.insertInto('holiday_days').values({ day: date, off: input.off, name: input.name, updated_by: ctx.actor.userId, updated_at: ctx.now })
      .onConflict((oc) => oc.column('day').doUpdateSet({
        off: input.off, name: input.name, updated_by: ctx.actor.userId, updated_at: ctx.now, version: sql<number>`holiday_days.version + 1`,
      }))
      .execute();
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: 'holiday.shared.set', entityType: 'holiday_day', entityId: null,
      organisationPath: '/', changes: { date, off: [before?.off ?? null, input.off], name: [before?.name ?? null, input.name] },
      requestId: ctx.requestId, at: ctx.now,
    });
  });
}

export async function deleteSharedDay(ctx: CommandContext, date: IsoDate): Promise<void> {
  assertOperator(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('holiday_days').where('day', '=', date).returning(['off', 'name']).executeTakeFirst();
    if (!removed) throw new AppError('holiday.not_found', 404, { date: formatDate(date) });
    await recordAudit(trx, {
      tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, action: 'holiday.shared.delete', entityType: 'holiday_day', entityId: null,
      organisationPath: '/', changes: { date, removed }, requestId: ctx.requestId, at: ctx.now,
    });
  });
}
