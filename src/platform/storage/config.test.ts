import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';

const S3 = { S3_ENDPOINT: 'https://s3.example.vn/', S3_BUCKET: 'ho-so', S3_REGION: 'hn-1', S3_ACCESS_KEY_ID: 'AKID', S3_SECRET_ACCESS_KEY: 'khoa-bi-mat' };

describe('choosing the file store from the environment', () => {
  it('keeps files under DATA_DIR/files by default, and allows 20 MB uploads', () => {
    const config = readConfig({ DATA_DIR: '/srv/thidua' });
    expect(config.storage).toEqual({ kind: 'local', dir: path.resolve('/srv/thidua/files') });
    expect(config.uploadMaxMb).toBe(20);
    expect(readConfig({ UPLOAD_MAX_MB: '50' }).uploadMaxMb).toBe(50);
  });

  it('uses the S3 bucket when S3_BUCKET is set, and names missing variables without printing any value', () => {
    expect(readConfig(S3).storage).toEqual({
      kind: 's3', endpoint: 'https://s3.example.vn', bucket: 'ho-so', region: 'hn-1', accessKeyId: 'AKID', secretAccessKey: 'khoa-bi-mat',
    });
    const { S3_REGION: _region, S3_ACCESS_KEY_ID: _key, ...partial } = S3;
    expect(() => readConfig(partial)).toThrow('S3_BUCKET is set but S3_REGION, S3_ACCESS_KEY_ID are missing');
    try {
      readConfig(partial);
    } catch (error) {
      expect((error as Error).message).not.toContain('khoa-bi-mat');
    }
  });
});
