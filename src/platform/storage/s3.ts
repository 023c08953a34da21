import type { StorageConfig } from '../config.ts';
import { sha256Hex, signRequest, EMPTY_SHA256, type SigningKey } from './sigv4.ts';
import { shardedPath, type FileStore } from './store.ts';

type S3Config = Extract<StorageConfig, { kind: 's3' }>;

export interface S3Options { fetch?: typeof fetch; now?: () => Date; prefix?: string }

/**
 * An S3-compatible bucket (AWS, MinIO, Ceph, the Viettel/VNPT clouds) through plain fetch and SigV4,
 * path-style URLs (`<endpoint>/<bucket>/files/<aa>/<key>`), which every such server accepts.
 * Errors name the method, key and status only: never a header, so never a credential.
 */
export function s3FileStore(config: S3Config, options: S3Options = {}): FileStore {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const prefix = options.prefix ?? 'files';
  const key: SigningKey = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: 's3' };
  const urlOf = (objectKey: string) => new URL(`${config.endpoint}/${config.bucket}/${prefix}/${shardedPath(objectKey)}`);

  async function send(method: 'PUT' | 'GET' | 'HEAD', objectKey: string, body?: Buffer): Promise<Response> {
    const url = urlOf(objectKey);
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const extra: Record<string, string> = { 'x-amz-content-sha256': payloadHash };
    if (body) extra['content-type'] = 'application/octet-stream';
    const headers = signRequest({ method, url, headers: extra, payloadHash, now: now() }, key);
    // fetch sets host itself (from the URL, the same value we signed)
    delete headers.host;
    const response = await doFetch(url, { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) });
    return response;
  }

  const failure = async (method: string, objectKey: string, response: Response) => {
    await response.body?.cancel();
    return new Error(`S3 ${method} ${objectKey} failed: HTTP ${response.status}`);
  };

  return {
    async put(objectKey, bytes) {
      const response = await send('PUT', objectKey, bytes);
      if (!response.ok) throw await failure('PUT', objectKey, response);
      await response.body?.cancel();
    },
    async get(objectKey) {
      const response = await send('GET', objectKey);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) throw await failure('GET', objectKey, response);
      return Buffer.from(await response.arrayBuffer());
    },
    async has(objectKey) {
      const response = await send('HEAD', objectKey);
      await response.body?.cancel();
      if (response.status === 404) return false;
      if (!response.ok) throw await failure('HEAD', objectKey, response);
      return true;
    },
  };
}
