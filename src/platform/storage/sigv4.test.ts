/** The signer against the vectors AWS publishes (the SigV4 test suite and the S3 developer guide). */
import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, amzDate, signRequest, uriEncode } from './sigv4.ts';

const SUITE_KEY = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 'service' };
const SUITE_DATE = new Date('2015-08-30T12:36:00Z');

describe('AWS Signature Version 4', () => {
  it('signs get-vanilla exactly as the test suite does', () => {
    const headers = signRequest({ method: 'GET', url: new URL('https://example.amazonaws.com/'), payloadHash: EMPTY_SHA256, now: SUITE_DATE }, SUITE_KEY);
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
    expect(headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, '
      + 'SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  it('signs post-vanilla and sorts the query of get-vanilla-query-order-key-case', () => {
    const post = signRequest({ method: 'POST', url: new URL('https://example.amazonaws.com/'), payloadHash: EMPTY_SHA256, now: SUITE_DATE }, SUITE_KEY);
    expect(post.authorization).toMatch(/Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b$/);
    const query = signRequest({ method: 'GET', url: new URL('https://example.amazonaws.com/?Param2=value2&Param1=value1'), payloadHash: EMPTY_SHA256, now: SUITE_DATE }, SUITE_KEY);
    expect(query.authorization).toMatch(/Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500$/);
  });

  it('signs the S3 developer guide GET Object example (Range and x-amz-content-sha256 signed)', () => {
    const headers = signRequest({
      method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256 }, payloadHash: EMPTY_SHA256, now: new Date('2013-05-24T00:00:00Z'),
    }, { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 's3' });
    expect(headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, '
      + 'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('encodes like RFC 3986 and prints the basic ISO date', () => {
    expect(uriEncode('a b/ạ~*')).toBe('a%20b%2F%E1%BA%A1~%2A');
    expect(uriEncode('a/b', true)).toBe('a/b');
    expect(amzDate(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });
});
