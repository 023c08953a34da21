import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { startJobQueue, type JobQueue } from '../../platform/jobs/jobs.ts';
import { smtpMailer } from '../../platform/mail/mailer.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { buildSonHaProvince, buildUser } from '../../testing/factories.ts';
import { decodedText, eventually, startSmtpServer } from '../../testing/smtp.ts';
import { digestCutoff, dispatchOutbox, startMailDelivery, type MailDelivery } from './mail.ts';
import { notify } from './store.ts';

let handle: DatabaseHandle;
let queue: JobQueue;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let delivery: MailDelivery;
let world: Awaited<ReturnType<typeof buildSonHaProvince>>;
const schema = `jobs_${randomBytes(6).toString('hex')}`;
const NOW = new Date('2026-12-07T02:00:00Z');

beforeAll(async () => {
  handle = await openTestDatabase();
  smtp = await startSmtpServer();
  queue = await startJobQueue(handle, { schema, pollingIntervalSeconds: 0.5, maintenance: false });
  world = await buildSonHaProvince(handle.db);
  delivery = await startMailDelivery({
    db: handle.db, queue, now: () => NOW, publicBaseUrl: 'https://thidua.sonha.gov.vn', dispatchEverySeconds: 3600,
    mailer: smtpMailer({ smtpUrl: smtp.url, from: 'Ban Thi đua – Khen thưởng <thidua@sonha.gov.vn>' }),
  });
});

afterAll(async () => {
  await delivery.stop();
  await queue.stop();
  await smtp.close();
  await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(handle.db);
  await handle.close();
});

async function userWithMail(email: string | null, notices: 'each' | 'digest' | 'none' = 'each', locale: 'vi' | 'en' = 'vi') {
  const user = await buildUser(handle.db, world.tenantId, 'unit_officer', world.education);
  await handle.db.updateTable('users').set({ email, email_notices: notices, locale }).where('id', '=', user.id).execute();
  return user;
}

const batchReturned = (title: string) => ({
  tenantId: world.tenantId, topic: 'batch_returned', entityType: 'nomination_batch', entityId: uuidv7(),
  params: { title }, at: NOW,
});

describe('notices by e-mail, drained from the outbox to a real SMTP server', () => {
  it('sends a returned batch to the officer who wants each notice, in Vietnamese, with a link, and dispatches the row once', async () => {
    const officer = await userWithMail('can.bo@sgddt.sonha.gov.vn');
    const quiet = await userWithMail('khong.nhan@sgddt.sonha.gov.vn', 'none');
    const digest = await userWithMail('tong.hop@sgddt.sonha.gov.vn', 'digest');
    const noAddress = await userWithMail(null);
    const notice = batchReturned('Đề nghị Bằng khen năm học 2025–2026');
    await handle.db.transaction().execute((trx) => notify(trx, [officer.id, quiet.id, digest.id, noAddress.id], notice));

    expect(await delivery.dispatchNow()).toMatchObject({ rows: 1, mails: 1 });
    await eventually(() => smtp.received.some((m) => m.to.includes('can.bo@sgddt.sonha.gov.vn')));
    const mail = smtp.received.find((m) => m.to.includes('can.bo@sgddt.sonha.gov.vn'))!;
    expect(mail.from).toBe('thidua@sonha.gov.vn');
    const text = decodedText(mail.data);
    expect(text).toContain('Hồ sơ bị trả lại bổ sung: Đề nghị Bằng khen năm học 2025–2026');
    expect(text).toContain(`Kính gửi Người dùng ${officer.username},`);
    expect(text).toContain(`https://thidua.sonha.gov.vn/de-nghi/${notice.entityId}`);
    expect(text).toMatch(/^\[Tỉnh \w+\] Hồ sơ bị trả lại/);
    // nobody else got it; a second dispatch finds nothing left
    expect(smtp.received.flatMap((m) => m.to)).not.toContain('khong.nhan@sgddt.sonha.gov.vn');
    expect(smtp.received.flatMap((m) => m.to)).not.toContain('tong.hop@sgddt.sonha.gov.vn');
    expect(await delivery.dispatchNow()).toEqual({ rows: 0, mails: 0, digests: 0 });
  });

  it('writes to an English-speaking account in English', async () => {
    const officer = await userWithMail('english.reader@sonha.gov.vn', 'each', 'en');
    await handle.db.transaction().execute((trx) => notify(trx, [officer.id], {
      tenantId: world.tenantId, topic: 'council_voting_open', entityType: 'council_meeting', entityId: uuidv7(),
      params: { council: 'Hội đồng Thi đua – Khen thưởng tỉnh', date: '2026-12-10' }, at: NOW,
    }));
    await delivery.dispatchNow();
    await eventually(() => smtp.received.some((m) => m.to.includes('english.reader@sonha.gov.vn')));
    const text = decodedText(smtp.received.find((m) => m.to.includes('english.reader@sonha.gov.vn'))!.data);
    expect(text).toContain('Please vote: Hội đồng Thi đua – Khen thưởng tỉnh, meeting of 10/12/2026');
    expect(text).toContain('https://thidua.sonha.gov.vn/hoi-dong/bo-phieu');
  });

  it('tries again with backoff while the SMTP server refuses, and delivers once it accepts', async () => {
    const officer = await userWithMail('thu.lai@sgddt.sonha.gov.vn');
    smtp.state.refuseNext = 1;
    await handle.db.transaction().execute((trx) => notify(trx, [officer.id], batchReturned('Đề nghị Cờ thi đua')));
    await delivery.dispatchNow();
    // the first attempt is refused (451); pg-boss retries it after its delay (30 s, shortened here by
    // making the retry due now), and the second attempt goes through
    await eventually(() => smtp.state.refuseNext === 0);
    await eventually(() => {
      void sql`UPDATE ${sql.id(schema, 'job')} SET start_after = now() WHERE name = 'mail.notice' AND state = 'retry'`.execute(handle.db);
      return smtp.received.some((m) => m.to.includes('thu.lai@sgddt.sonha.gov.vn'));
    }, 50_000);
    const states = await sql<{ state: string; retry_count: number }>`
      SELECT state, retry_count FROM ${sql.id(schema, 'job')} WHERE name = 'mail.notice' AND data->>'userId' = ${officer.id}`.execute(handle.db);
    expect(states.rows).toHaveLength(1);
    expect(states.rows[0]!.retry_count).toBe(1);
  });

  it('a reminder to a unit reads as a reminder and leads to the movement', async () => {
    const officer = await userWithMail('nhac.viec@sgddt.sonha.gov.vn');
    const movementId = uuidv7();
    await handle.db.transaction().execute((trx) => notify(trx, [officer.id], {
      tenantId: world.tenantId, topic: 'movement_reminder', entityType: 'movement', entityId: movementId, at: NOW,
      params: { movement: 'Phong trào thi đua "Dạy tốt, học tốt" năm học 2026–2027', message: 'Đề nghị Sở gửi kế hoạch hưởng ứng trước ngày 15/12.' },
    }));
    const dispatched = await dispatchOutbox(handle.db, queue, { now: NOW });
    expect(dispatched).toEqual({ rows: 1, mails: 1 });
    await eventually(() => smtp.received.some((m) => m.to.includes('nhac.viec@sgddt.sonha.gov.vn')));
    const text = decodedText(smtp.received.find((m) => m.to.includes('nhac.viec@sgddt.sonha.gov.vn'))!.data);
    expect(text).toContain('Nhắc việc: Phong trào thi đua "Dạy tốt, học tốt" năm học 2026–2027. Đề nghị Sở gửi kế hoạch hưởng ứng trước ngày 15/12.');
    expect(text).toContain(`https://thidua.sonha.gov.vn/phong-trao/${movementId}`);
  });

  it('an account that wants a daily digest gets one mail at 07:00 with the day\'s unread notices, once', async () => {
    expect(digestCutoff(NOW).toISOString()).toBe('2026-12-07T00:00:00.000Z'); // 07:00 in Vietnam
    expect(digestCutoff(new Date('2026-12-06T23:59:59Z')).toISOString()).toBe('2026-12-06T00:00:00.000Z');
    const reader = await userWithMail('tong.hop.ngay@sgddt.sonha.gov.vn', 'digest');
    const yesterday = new Date('2026-12-06T03:30:00Z');
    for (const title of ['Đề nghị Bằng khen đợt 1', 'Đề nghị Bằng khen đợt 2', 'Đề nghị đã đọc']) {
      await handle.db.transaction().execute((trx) => notify(trx, [reader.id], { ...batchReturned(title), at: yesterday }));
    }
    await handle.db.updateTable('notifications').set({ read_at: NOW }).where('user_id', '=', reader.id)
      .where(sql<boolean>`params->>'title' = 'Đề nghị đã đọc'`).execute();
    // today's notice (after 07:00) waits for tomorrow's digest
    await handle.db.transaction().execute((trx) => notify(trx, [reader.id], { ...batchReturned('Đề nghị hôm nay'), at: NOW }));

    const first = await delivery.dispatchNow();
    expect(first.mails).toBe(0); // no mail one by one for a digest reader
    expect(first.digests).toBeGreaterThanOrEqual(1);
    await eventually(() => smtp.received.some((m) => m.to.includes('tong.hop.ngay@sgddt.sonha.gov.vn')));
    const mails = smtp.received.filter((m) => m.to.includes('tong.hop.ngay@sgddt.sonha.gov.vn'));
    expect(mails).toHaveLength(1);
    const text = decodedText(mails[0]!.data);
    expect(text).toContain('Tổng hợp thông báo ngày 07/12/2026: 2 thông báo chưa đọc');
    expect(text).toContain('- Hồ sơ bị trả lại bổ sung: Đề nghị Bằng khen đợt 1');
    expect(text).toContain('- Hồ sơ bị trả lại bổ sung: Đề nghị Bằng khen đợt 2');
    expect(text).not.toContain('Đề nghị đã đọc');
    expect(text).not.toContain('Đề nghị hôm nay');
    expect((await delivery.dispatchNow()).digests).toBe(0);
  });
});
