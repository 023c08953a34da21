import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** `npm run setup -- …` as an operator runs it, on an embedded database of its own, with no terminal. */
function setup(dataDir: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://thidua.sonla.gov.vn' };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [TSX, 'src/cli/setup.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', input: '' });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run setup', () => {
  it('creates the organisation and its administrator once, prints the one-time link, and refuses a second run saying why', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-setup-'));
    const args = ['--tenant', 'Tỉnh Sơn La', '--kind', 'province', '--admin', 'quantri.sonla', '--email', 'quantri@sonla.gov.vn'];
    const first = setup(dataDir, args);
    expect(first.status, first.err).toBe(0);
    expect(first.out).toContain('Đã tạo / created: Tỉnh Sơn La (mã / code tinh-son-la)');
    expect(first.out).toContain('Ủy ban nhân dân tỉnh Sơn La');
    expect(first.out).toMatch(/https:\/\/thidua\.sonla\.gov\.vn\/dat-mat-khau\?ma=[\w-]{40,}/);

    const second = setup(dataDir, args);
    expect(second.status).toBe(1);
    expect(second.err).toContain('đã được cài đặt');

    const missing = setup(dataDir, ['--tenant', 'Bộ Tư pháp']);
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('--kind, --admin, --email');

    const passwordFile = path.join(dataDir, 'mat-khau.txt');
    fs.writeFileSync(passwordFile, 'Canh-dieu-bay-tren-nui-2026\n');
    const ministry = setup(dataDir, ['--tenant', 'Bộ Tư pháp', '--kind', 'ministry', '--admin', 'quantri.btp', '--email', 'qt@moj.gov.vn', '--password-file', passwordFile]);
    expect(ministry.status, ministry.err).toBe(0);
    expect(ministry.out).toContain('password taken from --password-file');
    expect(ministry.out).not.toContain('dat-mat-khau');
  }, 120_000);
});

describe('npm run setup -- --operator', () => {
  it('creates a platform operator with a one-time link, and refuses a username that is taken', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-setup-operator-'));
    const first = setup(dataDir, ['--operator', 'vanhanh', '--email', 'vanhanh@mic.gov.vn']);
    expect(first.status, first.err).toBe(0);
    expect(first.out).toContain('platform operator created: vanhanh');
    expect(first.out).toMatch(/https:\/\/thidua\.sonla\.gov\.vn\/dat-mat-khau\?ma=[\w-]{40,}/);
    const again = setup(dataDir, ['--operator', 'vanhanh', '--email', 'khac@mic.gov.vn']);
    expect(again.status).toBe(1);
    expect(again.err).toContain('đã có người dùng');
    const noMail = setup(dataDir, ['--operator', 'vanhanh2']);
    expect(noMail.status).toBe(2);
    expect(noMail.err).toContain('--email');
  }, 120_000);
});
