/**
 * The S3 store over a real HTTP round trip: a tiny in-process server plays S3's PUT/GET/HEAD and checks
 * every request's SigV4 signature from what arrived on the wire (the signer itself is held to AWS's
 * published vectors in sigv4.test.ts).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileStore } from './open.ts';
import { s3FileStore } from './s3.ts';
import { signRequest } from './sigv4.ts';

const CREDENTIALS = { accessKeyId: 'AKIATHIDUATEST', secretAccessKey: 'bí-mật/không-ghi-log+123' };
const REGION = 'ap-southeast-1';
const BUCKET = 'thidua-ho-so';

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; verified: boolean }
const objects = new Map<string, Buffer>();
const seen: Seen[] = [];
let server: Server;
let endpoint: string;

/** Recompute the signature from the request as received; true when it matches the Authorization header. */
function verify(request: IncomingMessage, body: Buffer): boolean {
  const auth = request.headers.authorization ?? '';
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m || m[1] !== CREDENTIALS.accessKeyId || m[3] !== REGION) return false;
  const payloadHash = request.headers['x-amz-content-sha256'] as string;
  if (payloadHash !== createHash('sha256').update(body).digest('hex')) return false;
  const amzDate = request.headers['x-amz-date'] as string;
  const now = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  const signed = Object.fromEntries(m[4]!.split(';').filter((h) => h !== 'host' && h !== 'x-amz-date')
    .map((h) => [h, String(request.headers[h])]));
  const url = new URL(request.url!, `http://${request.headers.host}`);
  const expected = signRequest({ method: request.method!, url, headers: signed, payloadHash, now },
    { ...CREDENTIALS, region: REGION, service: 's3' });
  return expected.authorization === auth;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const verified = verify(request, body);
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, verified });
      if (!verified) return response.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
      const key = request.url!;
      if (request.method === 'PUT') {
        objects.set(key, body);
        return response.writeHead(200, { etag: '"x"' }).end();
      }
      const object = objects.get(key);
      if (!object) return response.writeHead(404).end(request.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code></Error>');
      response.writeHead(200, { 'content-length': object.length });
      return response.end(request.method === 'HEAD' ? undefined : object);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => { await new Promise((resolve) => server.close(resolve)); });

const config = () => ({ kind: 's3' as const, endpoint, bucket: BUCKET, region: REGION, ...CREDENTIALS });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the S3-compatible file store', () => {
  it('puts, heads and gets an object with signed requests, path-style under files/<aa>/<sha256>', async () => {
    const store = openFileStore(config());
    const bytes = Buffer.from('%PDF-1.4\nTờ trình đề nghị khen thưởng\n%%EOF\n');
    const key = sha(bytes);
    seen.length = 0;
    expect(await store.has(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    await store.put(key, bytes);
    expect(await store.has(key)).toBe(true);
    expect(await store.get(key)).toEqual(bytes);

    expect(seen.map((s) => s.method)).toEqual(['HEAD', 'GET', 'PUT', 'HEAD', 'GET']);
    expect(seen.every((s) => s.verified)).toBe(true);
    expect(seen[2]!.url).toBe(`/${BUCKET}/files/${key.slice(0, 2)}/${key}`);
    const put = seen[2]!.headers;
    expect(put['x-amz-content-sha256']).toBe(key);
    expect(put['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(put.authorization).toContain(`Credential=${CREDENTIALS.accessKeyId}/`);
    expect(put.authorization).toContain('SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,');
    // the secret itself never travels
    expect(JSON.stringify(seen)).not.toContain(CREDENTIALS.secretAccessKey);
  });

  it('fails on a refused signature without naming the secret', async () => {
    const store = s3FileStore({ ...config(), secretAccessKey: 'sai-khoa' });
    const attempt = store.put('ab'.repeat(32), Buffer.from('%PDF-'));
    await expect(attempt).rejects.toThrow(/HTTP 403/);
    await attempt.catch((error: Error) => expect(error.message).not.toContain('sai-khoa'));
  });
});
