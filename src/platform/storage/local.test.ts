import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localFileStore } from './local.ts';
import { openFileStore } from './open.ts';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'thidua-files-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the local file store', () => {
  it('keeps a file under <aa>/<sha256> and gives the same bytes back', async () => {
    const store = openFileStore({ kind: 'local', dir });
    const bytes = Buffer.from('%PDF-1.7 biên bản họp xét\n%%EOF\n');
    const key = sha(bytes);
    expect(await store.has(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    await store.put(key, bytes);
    expect(await store.has(key)).toBe(true);
    expect(await store.get(key)).toEqual(bytes);
    expect(await readdir(path.join(dir, key.slice(0, 2)))).toEqual([key]);
  });

  it('writes through a temp file and a rename: no temp file is left, and a crashed one is never read', async () => {
    const store = localFileStore(dir);
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    const key = sha(bytes);
    // a crash mid-write leaves only a temp file: the key still reads as absent
    await mkdir(path.join(dir, key.slice(0, 2)), { recursive: true });
    await writeFile(path.join(dir, key.slice(0, 2), `${key}.tmp-deadbeef0000`), bytes.subarray(0, 1000));
    expect(await store.has(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    // two writers of the same content at once: the file is whole, whoever renames last
    await Promise.all([store.put(key, bytes), store.put(key, bytes)]);
    expect(sha((await store.get(key))!)).toBe(key);
    const names = await readdir(path.join(dir, key.slice(0, 2)));
    expect(names.filter((n) => n.includes('.tmp-') && !n.endsWith('deadbeef0000'))).toEqual([]);
    expect(names).toContain(key);
  });

  it('refuses keys that could leave its directory', async () => {
    const store = localFileStore(dir);
    await expect(store.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow(RangeError);
    await expect(store.get('ab/../../x')).rejects.toThrow(RangeError);
  });
});
