import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { readConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { migrate } from '../platform/db/migrate.ts';
import { passwordLinkUrl, PASSWORD_LINK_HOURS } from '../platform/auth/password-links.ts';
import { systemClock } from '../platform/vn/clock.ts';
import { SetupRefused, setUpOperator, setUpTenant, TENANT_KINDS } from '../modules/tenants/index.ts';

const USAGE = `npm run setup -- --tenant "Tỉnh Sơn La" --kind province|ministry|commune|other --admin <username> --email <address>
  [--code son-la] [--root "Ủy ban nhân dân tỉnh Sơn La"] [--root-code UBND] [--since 2000-01-01] [--admin-name "Nguyễn Văn An"] [--password-file <file>]

Creates your organisation (a tenant), the unit at the root of its tree and its first system administrator,
in the database the app uses (DATABASE_URL, or PGlite under DATA_DIR). The administrator sets a password
with a one-time link printed here (valid ${PASSWORD_LINK_HOURS.setup} hours), or takes the first line of --password-file.
The root unit's code (--root-code; UBND for a province or commune, BO for a ministry, GOC otherwise) is what the
import files name it by: the parent of the top units, where the province's own staff, accounts and council sit.
Run in a terminal without flags, it asks for each value.

npm run setup -- --operator <username> --email <address> [--operator-name "Nguyễn Văn Bình"] [--password-file <file>]

Creates a platform operator: the account that keeps what every organisation in this database reads
(base salaries, legal bases, the shared holiday decisions). A tenant's administrator cannot change those.`;

const QUESTIONS = [
  ['tenant', 'Tên đơn vị / organisation (ví dụ: Tỉnh Sơn La, Bộ Tư pháp, Xã Mường Bú)'],
  ['kind', `Loại / kind (${TENANT_KINDS.join(', ')})`],
  ['admin', 'Tên đăng nhập của quản trị hệ thống / administrator username'],
  ['email', 'Thư điện tử của quản trị / administrator e-mail'],
] as const;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' }, kind: { type: 'string' }, admin: { type: 'string' }, email: { type: 'string' },
      operator: { type: 'string' }, 'operator-name': { type: 'string' },
      code: { type: 'string' }, root: { type: 'string' }, 'root-code': { type: 'string' }, since: { type: 'string' }, 'admin-name': { type: 'string' }, 'password-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.operator !== undefined) return setupOperator(values);
  const answers: Record<string, string | undefined> = { ...values } as Record<string, string | undefined>;
  const missing = QUESTIONS.filter(([key]) => !answers[key]);
  if (missing.length > 0) {
    if (!process.stdin.isTTY) {
      console.error(`Thiếu / missing: ${missing.map(([key]) => `--${key}`).join(', ')}\n\n${USAGE}`);
      return 2;
    }
    const terminal = createInterface({ input: process.stdin, output: process.stdout });
    try {
      for (const [key, question] of missing) answers[key] = (await terminal.question(`${question}: `)).trim();
    } finally {
      terminal.close();
    }
  }
  let password: string | undefined;
  if (values['password-file']) {
    password = fs.readFileSync(values['password-file'], 'utf8').split(/\r?\n/)[0] ?? '';
  }

  const config = readConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
  try {
    await migrate(handle.db);
    const result = await setUpTenant(handle.db, {
      tenantName: answers.tenant ?? '', kind: (answers.kind ?? '') as never, adminUsername: answers.admin ?? '', adminEmail: answers.email ?? '',
      code: values.code, rootName: values.root, rootCode: values['root-code'], since: values.since, adminName: values['admin-name'], password,
    }, systemClock.now());
    const lines = [
      `Đã tạo / created: ${answers.tenant} (mã / code ${result.code})`,
      `  Đơn vị gốc / root unit: ${result.rootName} (mã đơn vị / unit code ${result.rootCode}, dùng trong các tệp nhập / used in import files)`,
      `  Quản trị hệ thống / administrator: ${result.username}`,
    ];
    if (result.setupToken) {
      lines.push('',
        `Mở liên kết sau để đặt mật khẩu (dùng một lần, trong ${PASSWORD_LINK_HOURS.setup} giờ) / open this link to set the password (once, within ${PASSWORD_LINK_HOURS.setup} hours):`,
        `  ${passwordLinkUrl(config.publicBaseUrl, result.setupToken)}`);
      if (/\/\/(localhost|127\.)/.test(config.publicBaseUrl)) {
        lines.push(`  (PUBLIC_BASE_URL is ${config.publicBaseUrl}: on another machine, use this server's address instead)`);
      }
    } else {
      lines.push('  Mật khẩu lấy từ --password-file / password taken from --password-file.');
    }
    lines.push('', 'Tiếp theo / next: đăng nhập, rồi nhập cơ cấu tổ chức và cán bộ (README, "Your own organisation").');
    console.log(lines.join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof SetupRefused) {
      console.error(`Không cài đặt / not set up:\n${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

function passwordFrom(file: string | undefined): string | undefined {
  return file ? fs.readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '' : undefined;
}

async function setupOperator(values: { operator?: string; email?: string; 'operator-name'?: string; 'password-file'?: string }): Promise<number> {
  if (!values.email) {
    console.error(`Thiếu / missing: --email\n\n${USAGE}`);
    return 2;
  }
  const config = readConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
  try {
    await migrate(handle.db);
    const result = await setUpOperator(handle.db, {
      username: values.operator ?? '', email: values.email, name: values['operator-name'], password: passwordFrom(values['password-file']),
    }, systemClock.now());
    const lines = [`Đã tạo người vận hành nền tảng / platform operator created: ${result.username}`];
    if (result.setupToken) {
      lines.push('',
        `Mở liên kết sau để đặt mật khẩu (dùng một lần, trong ${PASSWORD_LINK_HOURS.setup} giờ) / open this link to set the password (once, within ${PASSWORD_LINK_HOURS.setup} hours):`,
        `  ${passwordLinkUrl(config.publicBaseUrl, result.setupToken)}`);
    } else {
      lines.push('  Mật khẩu lấy từ --password-file / password taken from --password-file.');
    }
    lines.push('', 'Tiếp theo / next: đăng nhập, mở "Vận hành nền tảng" để cập nhật lương cơ sở, văn bản căn cứ và ngày nghỉ lễ.');
    console.log(lines.join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof SetupRefused) {
      console.error(`Không cài đặt / not set up:\n${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`\n${error.message}\n`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
