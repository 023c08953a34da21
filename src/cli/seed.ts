import path from 'node:path';
import { readConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { migrate } from '../platform/db/migrate.ts';
import { systemClock } from '../platform/vn/clock.ts';
import { backfillAwardRecipients, backfillVerificationCodes } from '../modules/awards/index.ts';
import { buildDemoProvince, DEMO_PASSWORD, loadDemoDataOnce } from '../modules/demo/index.ts';

/**
 * `npm run seed`: the configured database (PGlite under DATA_DIR, or DATABASE_URL) migrated and, if it
 * holds no tenant yet, filled with the demo province — the same steps `npm start` takes before it
 * listens (src/main.ts), without starting the server. Useful to prepare a PostgreSQL training server,
 * or a database started with DEMO_DATA=false. A database that already has data is left as it is.
 */
async function seed() {
  const config = readConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
  try {
    const applied = await migrate(handle.db);
    await backfillAwardRecipients(handle.db);
    const loaded = await loadDemoDataOnce(handle.db, systemClock.now());
    await backfillVerificationCodes(handle.db);
    const where = handle.kind === 'pglite' ? `PGlite, ${config.dataDir}` : 'PostgreSQL';
    const lines = [`Cơ sở dữ liệu / database: ${where}; migrations applied now: ${applied.length}`];
    if (loaded) {
      lines.push(`Đã nạp dữ liệu mẫu / demo data loaded. Tài khoản mẫu / demo accounts (mật khẩu / password: ${DEMO_PASSWORD}):`);
      for (const a of buildDemoProvince().accounts) lines.push(`  ${a.username.padEnd(16)} ${a.description}`);
    } else {
      lines.push('Cơ sở dữ liệu đã có dữ liệu: không nạp gì / the database already holds data: nothing loaded.');
    }
    console.log(lines.join('\n'));
  } finally {
    await handle.close();
  }
}

seed().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    // the server is running on this data folder: it loaded the demo itself on its first start
    console.error(`\n${error.message}\n`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
