import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, a 12-bit sequence, then random bits. Made in the app so
 * ids sort by creation time, index well, and need no database round trip (Citus-friendly). Within this
 * process ids are strictly increasing (RFC 9562 §6.2 method 1): the audit log's order is its id order.
 */
export function uuidv7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = randomBytes(2).readUInt16BE(0) & 0x3ff; // start low, leaving room to count up
  } else if (++sequence > 0xfff) {
    lastMs += 1; // borrow the next millisecond rather than wrap
    sequence = 0;
  }
  const bytes = randomSixteen();
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(lastMs / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = 0x70 | (sequence >> 8); // version 7 + sequence high bits
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// random bytes drawn 64 KB at a time: an import of 100,000 people makes a quarter of a million ids
const POOL_SIZE = 65_536;
let pool = Buffer.alloc(0);
let poolAt = POOL_SIZE;
function randomSixteen(): Buffer {
  if (poolAt + 16 > pool.length) { pool = randomBytes(POOL_SIZE); poolAt = 0; }
  const bytes = Buffer.from(pool.subarray(poolAt, poolAt + 16));
  poolAt += 16;
  return bytes;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
