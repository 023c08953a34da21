import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/jobs/jobs.ts';
import { recordAudit } from '../../platform/audit.ts';
import { todayInVietnam } from '../../platform/vn/dates.ts';
import { addWorkingDays } from '../../platform/vn/working-days.ts';
import { loadTenantCalendar } from '../calendar/index.ts';
import { notify } from '../notifications/index.ts';
import { dueFor, type DueItem } from './service.ts';
import { actingOfficers, markReminded } from './store.ts';

type Db = Kysely<Database>;

/**
 * Deadline reminders: every day a job finds what each unit still owes on the plans issued above it —
 * a phase's response plan, registration or report, an award's nomination window (the dashboard's own
 * "what is due, from whom" in service.ts) — due within three working days of the tenant's calendar,
 * and tells the unit's officers and head. The bell has it at once; e-mail follows each person's
 * preference (each notice, the daily digest, or none: notifications/mail.ts). Each person is reminded
 * of a deadline once: the row in deadline_reminders is written with the notice in one transaction, so
 * a second run, a restart or a second server reminds nobody twice.
 */
export const REMINDER_WORKING_DAYS = 3;

/** The job's queue; one job a day (its singleton key is the day). */
export const REMINDER_QUEUE = 'deadlines.remind';

export interface ReminderRun { tenants: number; reminded: number }

function deadlineKey(d: DueItem): string {
  return `${d.kind}:${d.itemId}:${d.unit.id}:${d.dueOn}`;
}

/** One tenant's reminders as of `now`: answers how many people were reminded of how many deadlines. */
export async function remindTenant(db: Db, tenantId: string, now: Date, workingDays = REMINDER_WORKING_DAYS): Promise<number> {
  const today = todayInVietnam(now);
  const calendar = await loadTenantCalendar(db, tenantId);
  const horizon = addWorkingDays(today, workingDays, calendar);
  const units = await actingOfficers(db, tenantId, today);
  if (units.length === 0) return 0;
  const officersOf = new Map(units.map((u) => [u.id, u.userIds]));
  const due = (await dueFor(db, { tenantId, units, now, calendar, since: today, limit: Number.MAX_SAFE_INTEGER }))
    // not done yet ('due'; a kind the system cannot see done stays 'due' too: a reminder does no harm)
    .filter((d) => d.status === 'due' && d.dueOn >= today && d.dueOn <= horizon);
  if (due.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    let reminded = 0;
    const sent: { key: string; users: string[] }[] = [];
    for (const d of due) {
      const key = deadlineKey(d);
      const fresh = await markReminded(trx, tenantId, key, officersOf.get(d.unit.id) ?? [], now);
      if (fresh.length === 0) continue;
      await notify(trx, fresh, {
        tenantId, topic: 'deadline_reminder', entityType: 'movement', entityId: d.movement.id,
        params: { date: d.dueOn, title: d.title, movement: d.movement.name, unit: d.unit.name, days: d.workingDaysLeft },
        at: now,
      });
      sent.push({ key, users: fresh });
      reminded += fresh.length;
    }
    if (sent.length > 0) {
      await recordAudit(trx, {
        tenantId, actorUserId: null, action: 'deadline.remind', entityType: 'deadline_reminder', entityId: null, organisationPath: '/',
        changes: { today, horizon, reminders: sent }, at: now,
      });
    }
    return reminded;
  });
}

/** Every tenant's reminders (the platform tenant has no units and is skipped). */
export async function remindDeadlines(db: Db, now: Date, workingDays = REMINDER_WORKING_DAYS): Promise<ReminderRun> {
  const tenants = await db.selectFrom('tenants').select('id').where('kind', '<>', 'platform').orderBy('id').execute();
  let reminded = 0;
  for (const t of tenants) reminded += await remindTenant(db, t.id, now, workingDays);
  return { tenants: tenants.length, reminded };
}

/** The reminders go out at 06:00 in Vietnam, before the 07:00 digest (mail.ts digestCutoff) that carries them. */
export const REMINDER_HOUR = 6;

export interface ReminderSchedule {
  /** enqueue today's run if it is due and not yet enqueued (the timer does this every few minutes) */
  tick(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Schedules the daily run on the job queue: a timer enqueues one job per day after 06:00 in Vietnam
 * (singleton key: the day, so two servers enqueue it once), a worker runs it. A run repeated after a
 * restart reminds nobody twice (deadline_reminders).
 */
export async function startDeadlineReminders(options: {
  db: Db; queue: JobQueue; now: () => Date; checkEveryMinutes?: number; onError?: (error: unknown) => void;
}): Promise<ReminderSchedule> {
  const { db, queue } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('deadline reminders:', error));
  await queue.work<{ day: string }>(REMINDER_QUEUE, async () => { await remindDeadlines(db, options.now()); });
  let lastDay: string | null = null;
  const tick = async () => {
    const now = options.now();
    const day = todayInVietnam(now);
    if (day === lastDay || now.getTime() < new Date(`${day}T0${REMINDER_HOUR}:00:00+07:00`).getTime()) return false;
    const previous = lastDay;
    lastDay = day; // before the await: a tick meanwhile does not enqueue it again
    try {
      await queue.enqueue(REMINDER_QUEUE, { day }, { singletonKey: `deadlines:${day}`, retryLimit: 5, retryDelaySeconds: 60, retryBackoff: true });
    } catch (error) {
      lastDay = previous;
      throw error;
    }
    return true;
  };
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => { running = tick().catch(onError); }, (options.checkEveryMinutes ?? 5) * 60_000);
  timer.unref();
  running = tick().catch(onError);
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
