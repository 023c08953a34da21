import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { startJobQueue, type JobQueue } from '../../platform/jobs/jobs.ts';
import { smtpMailer } from '../../platform/mail/mailer.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import { decodedText, eventually, startSmtpServer } from '../../testing/smtp.ts';
import { startMailDelivery, type MailDelivery } from '../notifications/index.ts';
import { remindDeadlines, startDeadlineReminders } from './reminders.ts';

/**
 * Sơn Hà, December 2026. The province's year-end movement asks every department to register by
 * Thursday 10/12 and to report by Friday 11/12. At 06:00 on Monday 7/12 the daily job reminds the
 * departments that have not registered: the registration is three working days away. The Department
 * of Education's officer wants each notice by e-mail, the Department of Health's a daily digest; the
 * Department of Finance registered already.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let queue: JobQueue;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let delivery: MailDelivery;
let tenantId: string;
let P: BuiltOrganisation, GD: BuiltOrganisation, YT: BuiltOrganisation, TC: BuiltOrganisation;
let standing: Session;
let movementId: string;
const schema = `jobs_${randomBytes(6).toString('hex')}`;
const SIX_AM_MONDAY = new Date('2026-12-06T23:00:00Z'); // 06:00 on Monday 7/12 in Vietnam
const NINE_AM_MONDAY = new Date('2026-12-07T02:00:00Z');
const mailNow = NINE_AM_MONDAY;

async function officerWithMail(organisation: BuiltOrganisation, username: string, email: string, notices: 'each' | 'digest' | 'none') {
  const user = await buildUser(handle.db, tenantId, 'unit_officer', organisation, { username });
  await handle.db.updateTable('users').set({ email, email_notices: notices }).where('id', '=', user.id).execute();
  return user;
}

async function call(session: Session, method: 'POST' | 'GET', url: string, payload?: object) {
  const r = await session.request({ method, url, ...(payload && { payload }) });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
}

const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

beforeAll(async () => {
  handle = await openTestDatabase();
  const started = await startTestApp(handle);
  app = started.app;
  started.clock.set('2026-12-01T02:00:00Z');
  smtp = await startSmtpServer();
  queue = await startJobQueue(handle, { schema, pollingIntervalSeconds: 0.5, maintenance: false });
  tenantId = (await buildTenant(handle.db)).id;
  await handle.db.updateTable('tenants').set({ name: 'Tỉnh Sơn Hà' }).where('id', '=', tenantId).execute();
  P = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  GD = await buildOrganisation(handle.db, tenantId, P, { name: 'Sở Giáo dục và Đào tạo' });
  YT = await buildOrganisation(handle.db, tenantId, P, { name: 'Sở Y tế' });
  TC = await buildOrganisation(handle.db, tenantId, P, { name: 'Sở Tài chính' });
  await buildUser(handle.db, tenantId, 'standing_officer', P, { username: 'thuongtruc.sonha' });
  await buildUser(handle.db, tenantId, 'system_admin', P, { username: 'quantri.sonha' });
  await officerWithMail(GD, 'canbo.sgd', 'canbo@sgddt.sonha.gov.vn', 'each');
  await officerWithMail(YT, 'canbo.syt', 'canbo@syt.sonha.gov.vn', 'digest');
  await officerWithMail(TC, 'canbo.stc', 'canbo@stc.sonha.gov.vn', 'each');
  standing = await signIn(app, 'thuongtruc.sonha');

  movementId = (await call(standing, 'POST', '/api/movements', {
    organisationId: P.id, kind: 'campaign', name: 'Phong trào thi đua cuối năm 2026', documentSymbol: 'KH-UBND',
    periodStart: '2026-10-01', periodEnd: '2026-12-31', plan: { awards: [] },
    phases: [
      { kind: 'registration', title: 'Các đơn vị đăng ký thi đua', dueOn: '2026-12-10' },
      { kind: 'periodic_report', title: 'Báo cáo kết quả thực hiện', dueOn: '2026-12-11' },
    ],
  })).id;
  await call(standing, 'POST', `/api/movements/${movementId}/issue`, { documentNumber: 301, issuedOn: '2026-12-01' });
  await call(standing, 'POST', `/api/movements/${movementId}/registrations`, { organisationId: TC.id, titles: [], commitments: '' });

  delivery = await startMailDelivery({
    db: handle.db, queue, now: () => mailNow, publicBaseUrl: 'https://thidua.sonha.gov.vn', dispatchEverySeconds: 3600,
    mailer: smtpMailer({ smtpUrl: smtp.url, from: 'Ban Thi đua – Khen thưởng <thidua@sonha.gov.vn>' }),
  });
});

afterAll(async () => {
  await delivery.stop();
  await queue.stop();
  await smtp.close();
  await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(handle.db);
  await app.close();
  await handle.close();
});

describe('deadline reminders by e-mail, from the daily job to a real SMTP server', () => {
  it('at 06:00 the job reminds the unit that has not registered, three working days ahead: one e-mail in Vietnamese', async () => {
    const schedule = await startDeadlineReminders({ db: handle.db, queue, now: () => SIX_AM_MONDAY, checkEveryMinutes: 60 });
    try {
      // the job runs on the queue's worker; its notice is in the bell before anything is mailed
      await eventually(async () => (await handle.db.selectFrom('deadline_reminders').select('user_id').where('tenant_id', '=', tenantId).execute()).length > 0);
      expect(await schedule.tick()).toBe(false); // enqueued once a day
    } finally {
      await schedule.stop();
    }
    expect(await delivery.dispatchNow()).toMatchObject({ mails: 1 });
    await eventually(() => mailsTo('canbo@sgddt.sonha.gov.vn').length > 0);
    const [mail] = mailsTo('canbo@sgddt.sonha.gov.vn');
    const text = decodedText(mail!.data);
    expect(text).toMatch(/^\[Tỉnh Sơn Hà\] Sắp đến hạn 10\/12\/2026: Các đơn vị đăng ký thi đua – Phong trào thi đua cuối năm 2026 \(Sở Giáo dục và Đào tạo\)/);
    expect(text).toContain(`https://thidua.sonha.gov.vn/phong-trao/${movementId}`);
    // the report due Friday 11/12 is four working days away: not yet; Finance registered: nothing for it
    expect(text).not.toContain('Báo cáo kết quả thực hiện');
    expect(mailsTo('canbo@stc.sonha.gov.vn')).toHaveLength(0);
  });

  it('running the job again, as after a restart, sends no second e-mail', async () => {
    expect(await remindDeadlines(handle.db, SIX_AM_MONDAY)).toMatchObject({ reminded: 0 });
    const restarted = await startDeadlineReminders({ db: handle.db, queue, now: () => new Date(SIX_AM_MONDAY.getTime() + 3_600_000), checkEveryMinutes: 60 });
    await restarted.stop();
    // the restarted server enqueued the day's run again (the first had completed) and it found nothing new
    const jobs = async () => (await sql<{ state: string }>`SELECT state FROM ${sql.id(schema, 'job')} WHERE name = 'deadlines.remind'`.execute(handle.db)).rows;
    await eventually(async () => (await jobs()).every((j) => j.state === 'completed'));
    expect(await jobs()).toHaveLength(2);
    expect(await delivery.dispatchNow()).toMatchObject({ rows: 0, mails: 0 });
    expect(mailsTo('canbo@sgddt.sonha.gov.vn')).toHaveLength(1);
    const bell = await handle.db.selectFrom('notifications').select('topic').where('tenant_id', '=', tenantId).where('topic', '=', 'deadline_reminder').execute();
    expect(bell).toHaveLength(2); // Education's officer and Health's, once each
  });

  it('the officer who wants a daily digest finds the reminder in it', async () => {
    await eventually(() => mailsTo('canbo@syt.sonha.gov.vn').length > 0);
    const digests = mailsTo('canbo@syt.sonha.gov.vn');
    expect(digests).toHaveLength(1);
    const text = decodedText(digests[0]!.data);
    expect(text).toContain('Tổng hợp thông báo ngày 07/12/2026: 1 thông báo chưa đọc');
    expect(text).toContain('- Sắp đến hạn 10/12/2026: Các đơn vị đăng ký thi đua – Phong trào thi đua cuối năm 2026 (Sở Y tế)');
  });

  it('a day off the province decides brings the Friday report within three working days', async () => {
    const admin = await signIn(app, 'quantri.sonha');
    const r = await admin.request({ method: 'PUT', url: '/api/calendar/days/2026-12-08', payload: { off: true, name: 'Nghỉ theo quyết định của UBND tỉnh' } });
    expect(r.statusCode, r.body).toBe(204);
    // the report is owed by all three departments (Finance registered, but has not reported)
    expect(await remindDeadlines(handle.db, SIX_AM_MONDAY)).toMatchObject({ reminded: 3 });
    await delivery.dispatchNow();
    await eventually(() => mailsTo('canbo@sgddt.sonha.gov.vn').length === 2);
    expect(decodedText(mailsTo('canbo@sgddt.sonha.gov.vn')[1]!.data)).toContain('Sắp đến hạn 11/12/2026: Báo cáo kết quả thực hiện');
    await eventually(() => mailsTo('canbo@stc.sonha.gov.vn').length === 1);
    expect(decodedText(mailsTo('canbo@stc.sonha.gov.vn')[0]!.data)).toContain('Sắp đến hạn 11/12/2026: Báo cáo kết quả thực hiện');
  });
});
