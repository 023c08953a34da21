/**
 * Where uploaded files (signed scans) live. Content-addressed: the key is the SHA-256 of the bytes,
 * so a put of the same key twice stores the same bytes and either put may win.
 */
export interface FileStore {
  put(key: string, bytes: Buffer): Promise<void>;
  /** null when there is no object under the key */
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
}

/** Keys are hex hashes (or similar tokens): nothing that could climb out of a directory or a bucket prefix. */
const KEY = /^[a-z0-9][a-z0-9_-]{3,127}$/;

export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new RangeError(`Not a storage key: ${JSON.stringify(key)}`);
}

/** '<aa>/<key>': the first two characters shard the directory (or the bucket listing) 256 ways for hashes. */
export function shardedPath(key: string): string {
  assertKey(key);
  return `${key.slice(0, 2)}/${key}`;
}
