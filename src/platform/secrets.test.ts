import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSecret } from './secrets.ts';

describe('a secret kept in the data folder', () => {
  it('is made on first start, readable by the server\'s user only, and the same on every later start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-secret-'));
    try {
      const file = path.join(dir, 'nested', 'ballot-secret');
      const first = fileSecret(file);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fileSecret(file)).toBe(first);
      expect(fileSecret(path.join(dir, 'other'))).not.toBe(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
