import path from 'node:path';
import { readConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/database.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { migrate, MigrationEditedError } from './platform/db/migrate.ts';
import { buildApp } from './app/build.ts';
import { openFileStore } from './platform/storage/open.ts';
import { clockStartingAt, systemClock } from './platform/vn/clock.ts';
import { buildDemoProvince, DEMO_PASSWORD, loadDemoDataOnce } from './modules/demo/index.ts';
import { backfillAwardRecipients, backfillVerificationCodes } from './modules/awards/index.ts';
import { startMailDelivery } from './modules/notifications/index.ts';
import { startDeadlineReminders } from './modules/dashboard/index.ts';
import { startJobQueue } from './platform/jobs/jobs.ts';
import { smtpMailer } from './platform/mail/mailer.ts';
import { fileSecret } from './platform/secrets.ts';

/** Starts thidua: database (PGlite under ./data, or DATABASE_URL), migrations, demo data once, HTTP. */
async function main() {
  const env = readConfig();
  // the secret ballot's key: from BALLOT_SECRET, or kept in the data folder (single office)
  const config = { ...env, ballotSecret: env.ballotSecret ?? fileSecret(path.join(env.dataDir, 'ballot-secret')) };
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
  const applied = await migrate(handle.db);
  // awards written before 0007_archive get their archive columns (idempotent: only empty rows)
  await backfillAwardRecipients(handle.db);
  const loaded = config.loadDemoData ? await loadDemoDataOnce(handle.db, systemClock.now()) : false;
  // awards recorded before certificates existed get their verification codes (once; idempotent)
  await backfillVerificationCodes(handle.db);
  const clock = config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
  const mailer = config.mail ? smtpMailer(config.mail) : undefined;
  const app = await buildApp({ db: handle.db, dbKind: handle.kind, clock, config, files: openFileStore(config.storage), mailer }, { logger: process.env.LOG_LEVEL !== 'silent' });
  app.log.level = process.env.LOG_LEVEL ?? 'warn';
  // e-mail only when SMTP_URL is set: the outbox is drained through the job queue (retries with backoff)
  const queue = config.mail ? await startJobQueue(handle, { onError: (error) => app.log.error(error, 'job queue') }) : undefined;
  const mail = mailer && queue ? await startMailDelivery({
    db: handle.db, queue, mailer, publicBaseUrl: config.publicBaseUrl, now: () => clock.now(),
    onError: (error) => app.log.error(error, 'mail dispatch'),
  }) : undefined;
  // deadline reminders: a daily job on the same queue (bell, and e-mail by each person's preference)
  const reminders = queue ? await startDeadlineReminders({
    db: handle.db, queue, now: () => clock.now(), onError: (error) => app.log.error(error, 'deadline reminders'),
  }) : undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: đang dừng… / stopping…`);
    await app.close();
    await reminders?.stop();
    await mail?.stop();
    await queue?.stop();
    await handle.close();
    process.exit(process.exitCode ?? 0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // a fault nothing caught leaves the process in an unknown state: log it, stop, and let the supervisor
  // (systemd Restart=always, README "Production") start a clean one — never run on half-broken
  const fatal = (kind: string) => (error: unknown) => {
    app.log.fatal({ err: error }, kind);
    console.error(`${kind}:`, error);
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 5_000).unref();
    void shutdown(kind).catch(() => process.exit(1)).finally(() => process.exit(1));
  };
  process.on('uncaughtException', fatal('uncaught exception'));
  process.on('unhandledRejection', fatal('unhandled rejection'));

  await app.listen({ port: config.port, host: config.host });
  const mode = handle.kind === 'pglite' ? `PGlite (chế độ một cơ quan / single-office mode), ${config.dataDir}` : 'PostgreSQL';
  const lines = [
    '',
    `  Thi đua – Khen thưởng đang chạy tại / is running at  http://localhost:${config.port}`,
    `  Cơ sở dữ liệu / database: ${mode}; migrations applied now: ${applied.length}${loaded ? '; demo data loaded' : ''}`,
    `  API: http://localhost:${config.port}/api/openapi.json`,
    `  Thư điện tử / e-mail: ${config.mail ? `SMTP, from ${config.mail.from}` : 'tắt / off (SMTP_URL not set)'}`,
  ];
  if (config.clockStart) lines.push(`  ĐỒNG HỒ GIẢ LẬP / SIMULATED CLOCK from CLOCK_START=${config.clockStart}: now ${clock.now().toISOString()}`);
  if (config.loadDemoData) {
    lines.push('', `  Tài khoản mẫu / demo accounts (mật khẩu / password: ${DEMO_PASSWORD}):`);
    for (const a of buildDemoProvince().accounts) lines.push(`    ${a.username.padEnd(16)} ${a.description}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError || error instanceof MigrationEditedError) {
    console.error(`\n${error.message}\n`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
