import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

describe('single-office mode guards its data folder', () => {
  it('a second process on the same ./data refuses with a clear message instead of opening it', () => {
    const dataDir = tempDir();
    const release = acquireDataDirLock(dataDir);
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000,
      });
      expect(child.status).toBe(2);
      expect(child.stderr).toContain('đang được tiến trình');
      expect(child.stderr).toContain(`in use by process ${process.pid}`);
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    } finally {
      release();
    }
  });

  it('a lock left by a process that died is taken over', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'thidua.lock'), '999999');
    const release = acquireDataDirLock(dataDir);
    expect(fs.readFileSync(path.join(dataDir, 'thidua.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dataDir, 'thidua.lock'))).toBe(false);
  });

  it('a live holder in this process is refused too', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'thidua.lock'), String(process.ppid));
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirLockedError);
  });
});
