import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/jobs/jobs.ts';
import type { Mailer, MailMessage } from '../../platform/mail/mailer.ts';
import { addDays, formatDate, todayInVietnam } from '../../platform/vn/dates.ts';
import { noticePath, noticeText, type NoticeLocale } from '../../shared/notices.ts';

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

/** A daily digest job: the unread notices of one account that came in during [since, through). */
export const DIGEST_QUEUE = 'mail.digest';
export interface DigestJob { tenantId: string; userId: string; since: string; through: string }

/** Digests go out at 07:00 in Vietnam (the start of an office day): the latest such instant at or before `now`. */
export function digestCutoff(now: Date): Date {
  const today = todayInVietnam(now);
  const cutoff = new Date(`${today}T07:00:00+07:00`);
  return cutoff.getTime() <= now.getTime() ? cutoff : new Date(`${addDays(today, -1)}T07:00:00+07:00`);
}

/** Retries of one mail: 30 s, 1 min, 2 min, … about 4 hours in all, then the job fails for good. */
const RETRY = { retryLimit: 9, retryDelaySeconds: 30, retryBackoff: true } as const;

interface OutboxRow { tenant_id: string; id: string; topic: string; payload: Record<string, unknown> }

/** Who an outbox row is for: the users a notification names (other topics are not for e-mail). */
function addresseesOf(row: OutboxRow): string[] {
  const ids = row.topic.startsWith('notification.') ? row.payload.userIds : undefined;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
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
    const addressees = rows.map(addresseesOf);
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

/**
 * One digest job per account that wants a daily digest and has not had today's, marking the account
 * in the same transaction (so two servers never send the same digest). The job finds there is nothing
 * to say when no unread notice came in; no mail is sent then.
 */
export async function dispatchDigests(db: Db, queue: JobQueue, options: { now: Date; limit?: number }): Promise<number> {
  const through = digestCutoff(options.now);
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ tenant_id: string; id: string; email_digest_through: Date | null }>`
      SELECT tenant_id, id, email_digest_through FROM users
      WHERE email_notices = 'digest' AND email IS NOT NULL AND NOT disabled
        AND (email_digest_through IS NULL OR email_digest_through < ${through})
      ORDER BY id LIMIT ${options.limit ?? 500}
      FOR UPDATE SKIP LOCKED`.execute(trx);
    for (const user of rows) {
      // a first digest covers the day before it; a server that was down for days sends what it missed
      const since = user.email_digest_through ?? new Date(through.getTime() - 86_400_000);
      const job: DigestJob = { tenantId: user.tenant_id, userId: user.id, since: since.toISOString(), through: through.toISOString() };
      await queue.enqueue(DIGEST_QUEUE, job, { ...RETRY, transaction: trx });
    }
    if (rows.length > 0) {
      await trx.updateTable('users').set({ email_digest_through: through }).where('id', 'in', rows.map((u) => u.id)).execute();
    }
    return rows.length;
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
  const notice = {
    topic: row.topic.replace(/^notification\./, ''),
    entityType: String(payload.entityType ?? ''),
    entityId: typeof payload.entityId === 'string' ? payload.entityId : null,
    params: (payload.params ?? {}) as Record<string, string | number>,
  };
  const text = noticeText(locale, notice);
  const path = noticePath(notice);
  const greeting = locale === 'vi' ? `Kính gửi ${user.display_name},` : `Dear ${user.display_name},`;
  const link = path ? `\n\n${locale === 'vi' ? 'Xem trên hệ thống' : 'Open it'}: ${publicBaseUrl}${path}` : '';
  // a subject is one line: a parameter with a line break (a reason typed by an officer) must not split it
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const subject = `[${tenant?.name ?? 'Thi đua – Khen thưởng'}] ${oneLine.length > 160 ? `${oneLine.slice(0, 159)}…` : oneLine}`;
  return { to: user.email, subject, text: `${greeting}\n\n${text}${link}\n\n--\n${FOOTER[locale]}\n` };
}

/** The day's digest for one account: its unread notices of the period, each with its link; null when none. */
export async function composeDigest(db: Db, job: DigestJob, publicBaseUrl: string): Promise<MailMessage | null> {
  const [user, tenant] = await Promise.all([
    db.selectFrom('users').select(['email', 'email_notices', 'display_name', 'locale', 'disabled'])
      .where('tenant_id', '=', job.tenantId).where('id', '=', job.userId).executeTakeFirst(),
    db.selectFrom('tenants').select('name').where('id', '=', job.tenantId).executeTakeFirst(),
  ]);
  if (!user?.email || user.email_notices !== 'digest' || user.disabled) return null;
  const notices = await db.selectFrom('notifications').select(['topic', 'entity_type', 'entity_id', 'params', 'created_at'])
    .where('tenant_id', '=', job.tenantId).where('user_id', '=', job.userId).where('read_at', 'is', null)
    .where('created_at', '>=', new Date(job.since)).where('created_at', '<', new Date(job.through))
    .orderBy('created_at').orderBy('id').limit(101).execute();
  if (notices.length === 0) return null;
  const locale: NoticeLocale = user.locale === 'en' ? 'en' : 'vi';
  const day = formatDate(todayInVietnam(new Date(job.through)));
  const shown = notices.slice(0, 100);
  const lines = shown.map((n) => {
    const notice = { topic: n.topic, entityType: n.entity_type, entityId: n.entity_id, params: n.params as Record<string, string | number> };
    const path = noticePath(notice);
    return `- ${noticeText(locale, notice)}${path ? `\n  ${publicBaseUrl}${path}` : ''}`;
  });
  const more = notices.length > shown.length
    ? (locale === 'vi' ? '\n(Còn thông báo khác: xem tất cả trên hệ thống.)' : '\n(There are more: see them all in the system.)') : '';
  const count = notices.length > 100 ? '100+' : String(notices.length);
  const subject = locale === 'vi'
    ? `[${tenant?.name ?? 'Thi đua – Khen thưởng'}] Tổng hợp thông báo ngày ${day}: ${count} thông báo chưa đọc`
    : `[${tenant?.name ?? 'Emulation and commendation'}] Daily digest, ${day}: ${count} unread notices`;
  const greeting = locale === 'vi' ? `Kính gửi ${user.display_name},` : `Dear ${user.display_name},`;
  const intro = locale === 'vi' ? 'Các thông báo chưa đọc từ bản tổng hợp trước:' : 'Unread notices since the last digest:';
  return { to: user.email, subject, text: `${greeting}\n\n${intro}\n\n${lines.join('\n')}${more}\n\n--\n${FOOTER[locale]}\n` };
}

export interface MailDelivery {
  /** Dispatch what the outbox holds now, and the digests that are due (the timer does this every few seconds). */
  dispatchNow(): Promise<{ rows: number; mails: number; digests: number }>;
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
  await queue.work<DigestJob>(DIGEST_QUEUE, async (job) => {
    const message = await composeDigest(db, job, options.publicBaseUrl);
    if (message) await mailer.send(message);
  });
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const dispatchNow = async () => {
    const now = options.now();
    const outbox = await dispatchOutbox(db, queue, { now });
    return { ...outbox, digests: await dispatchDigests(db, queue, { now }) };
  };
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
