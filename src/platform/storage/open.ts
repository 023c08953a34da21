import type { StorageConfig } from '../config.ts';
import { localFileStore } from './local.ts';
import { s3FileStore } from './s3.ts';
import type { FileStore } from './store.ts';

/** The store the configuration names: a local directory, or an S3-compatible bucket. */
export function openFileStore(config: StorageConfig, fetchImpl: typeof fetch = fetch): FileStore {
  return config.kind === 's3' ? s3FileStore(config, { fetch: fetchImpl }) : localFileStore(config.dir);
}
