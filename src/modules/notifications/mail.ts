import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/jobs/jobs.ts';
import type { Mailer, MailMessage } from '../../platform/mail/mailer.ts';
import { noticePath, noticeText, type NoticeLocale } from '../../shared/notices.ts';
import { actorsFor } from './store.ts';

type Db = Kysely<Database>;

/**
 * E-mail drains the transactional outbox in two steps. `dispatchOutbox` turns each undispatched outbox
 * row into one job per recipient who wants notices one by one, and marks the row dispatched, in one
 * transaction (so a row is dispatched once, even with two servers). The job queue then sends each mail,
 * retrying with exponential backoff while the SMTP server refuses or cannot be reached.
 */
export const MAIL_QUEUE = 'mail.notice';

/** A mail job names what to say and to whom; the text is composed when it is sent, in the reader's language. */
export interface MailJob { tenantId: string; outboxId: string; userId: string }

/** Retries of one mail: 30 s, 1 min, 2 min, … about 4 hours in all, then the job fails for good. */
const RETRY = { retryLimit: 9, retryDelaySeconds: 30, retryBackoff: true } as const;

interface OutboxRow { tenant_id: string; id: string; topic: string; payload: Record<string, unknown> }

/** Who an outbox row is for: the users a notification names, or the officers of a reminded unit. */
async function addresseesOf(db: Db, row: OutboxRow): Promise<string[]> {
  if (row.topic.startsWith('notification.')) {
    const ids = row.payload.userIds;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }
  if (row.topic === 'movement.reminder' && typeof row.payload.organisationId === 'string') {
    const org = await db.selectFrom('organisations').select('path')
      .where('tenant_id', '=', row.tenant_id).where('id', '=', row.payload.organisationId).executeTakeFirst();
    return org ? actorsFor(db, row.tenant_id, 'unit_officer', org.path) : [];
  }
  return [];
}

/** Dispatches up to `limit` outbox rows, oldest first; answers how many rows and how many mails. */
export async function dispatchOutbox(db: Db, queue: JobQueue, options: { now: Date; limit?: number }): Promise<{ rows: number; mails: number }> {
  return db.transaction().execute(async (trx) => {
    // SKIP LOCKED: a second server dispatching at the same moment takes the next rows, never the same ones
    const { rows } = await sql<OutboxRow>`
      SELECT tenant_id, id, topic, payload FROM outbox
      WHERE published_at IS NULL ORDER BY created_at, id LIMIT ${options.limit ?? 200}
      FOR UPDATE SKIP LOCKED`.execute(trx);
    if (rows.length === 0) return { rows: 0, mails: 0 };
    const addressees = await Promise.all(rows.map((row) => addresseesOf(trx, row)));
    const everyone = [...new Set(addressees.flat())];
    const wanting = everyone.length === 0 ? new Set<string>() : new Set((await trx.selectFrom('users').select('id')
      .where('id', 'in', everyone).where('email', 'is not', null).where('email_notices', '=', 'each').where('disabled', '=', false)
      .execute()).map((u) => u.id));
    let mails = 0;
    for (const [i, row] of rows.entries()) {
      for (const userId of new Set(addressees[i])) {
        if (!wanting.has(userId)) continue;
        const job: MailJob = { tenantId: row.tenant_id, outboxId: row.id, userId };
        await queue.enqueue(MAIL_QUEUE, job, { ...RETRY, transaction: trx });
        mails += 1;
      }
    }
    await sql`UPDATE outbox SET published_at = ${options.now}
      WHERE (tenant_id, id) IN (SELECT * FROM unnest(${rows.map((r) => r.tenant_id)}::uuid[], ${rows.map((r) => r.id)}::uuid[]))`.execute(trx);
    return { rows: rows.length, mails };
  });
}

const FOOTER = {
  vi: 'Thư này do hệ thống Thi đua – Khen thưởng gửi tự động; xin đừng trả lời thư. Muốn nhận thư theo cách khác hoặc thôi nhận thư, hãy báo quản trị hệ thống của đơn vị.',
  en: 'This message was sent automatically by the emulation and commendation system; please do not reply. To receive mail differently or not at all, ask your unit\'s administrator.',
} as const;

/** The mail for one job, in the reader's language; null when there is nothing to send any more. */
export async function composeMail(db: Db, job: MailJob, publicBaseUrl: string): Promise<MailMessage | null> {
  const [row, user, tenant] = await Promise.all([
    db.selectFrom('outbox').select(['topic', 'payload']).where('tenant_id', '=', job.tenantId).where('id', '=', job.outboxId).executeTakeFirst(),
    db.selectFrom('users').select(['email', 'email_notices', 'display_name', 'locale', 'disabled'])
      .where('tenant_id', '=', job.tenantId).where('id', '=', job.userId).executeTakeFirst(),
    db.selectFrom('tenants').select('name').where('id', '=', job.tenantId).executeTakeFirst(),
  ]);
  // the address was removed, or the person chose otherwise, between dispatch and sending
  if (!row || !user?.email || user.email_notices !== 'each' || user.disabled) return null;
  const locale: NoticeLocale = user.locale === 'en' ? 'en' : 'vi';
  const payload = row.payload as Record<string, unknown>;
  let text: string;
  let path: string | null;
  if (row.topic === 'movement.reminder') {
    const reminder = await db.selectFrom('movement_reminders as r')
      .innerJoin('movements as m', (j) => j.onRef('m.tenant_id', '=', 'r.tenant_id').onRef('m.id', '=', 'r.movement_id'))
      .select(['m.id', 'm.name', 'r.message'])
      .where('r.tenant_id', '=', job.tenantId).where('r.id', '=', String(payload.reminderId)).executeTakeFirst();
    if (!reminder) return null;
    text = noticeText(locale, { topic: 'movement_reminder', params: { movement: reminder.name, message: reminder.message } });
    path = noticePath({ topic: 'movement_reminder', entityType: 'movement', entityId: reminder.id, params: {} });
  } else {
    const notice = {
      topic: row.topic.replace(/^notification\./, ''),
      entityType: String(payload.entityType ?? ''),
      entityId: typeof payload.entityId === 'string' ? payload.entityId : null,
      params: (payload.params ?? {}) as Record<string, string | number>,
    };
    text = noticeText(locale, notice);
    path = noticePath(notice);
  }
  const greeting = locale === 'vi' ? `Kính gửi ${user.display_name},` : `Dear ${user.display_name},`;
  const link = path ? `\n\n${locale === 'vi' ? 'Xem trên hệ thống' : 'Open it'}: ${publicBaseUrl}${path}` : '';
  // a subject is one line: a parameter with a line break (a reason typed by an officer) must not split it
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const subject = `[${tenant?.name ?? 'Thi đua – Khen thưởng'}] ${oneLine.length > 160 ? `${oneLine.slice(0, 159)}…` : oneLine}`;
  return { to: user.email, subject, text: `${greeting}\n\n${text}${link}\n\n--\n${FOOTER[locale]}\n` };
}

export interface MailDelivery {
  /** Dispatch what the outbox holds now (the timer does this every few seconds). */
  dispatchNow(): Promise<{ rows: number; mails: number }>;
  stop(): Promise<void>;
}

/**
 * Starts sending: a worker on the mail queue and a timer that dispatches the outbox. The queue is the
 * caller's (started on the app's pool; it is stopped by the caller).
 */
export async function startMailDelivery(options: {
  db: Db; queue: JobQueue; mailer: Mailer; publicBaseUrl: string; now: () => Date;
  dispatchEverySeconds?: number; onError?: (error: unknown) => void;
}): Promise<MailDelivery> {
  const { db, queue, mailer } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('mail:', error));
  await queue.work<MailJob>(MAIL_QUEUE, async (job) => {
    const message = await composeMail(db, job, options.publicBaseUrl);
    if (message) await mailer.send(message); // a throw fails the attempt; the queue retries with backoff
  });
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const dispatchNow = () => dispatchOutbox(db, queue, { now: options.now() });
  const timer = setInterval(() => {
    if (busy) return; // never two dispatches at once from one process
    busy = true;
    running = dispatchNow().catch(onError).finally(() => { busy = false; });
  }, (options.dispatchEverySeconds ?? 10) * 1000);
  timer.unref();
  return {
    dispatchNow,
    async stop() {
      clearInterval(timer);
      await running;
      mailer.close();
    },
  };
}
