import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { AppError } from '../errors.ts';

/**
 * The zip container of an XLSX, read with bounds: the central directory first (how many entries, what
 * each declares), then one entry at a time inflated under a hard limit on the bytes actually produced.
 * A declared size is only a quick way to refuse early; it is never trusted to stop a zip bomb, which is
 * why inflation counts what comes out and stops at the limit. Entries are found through the central
 * directory alone, so local headers that it does not list are never read.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** what the central directory says; checked against what inflation produces */
  declaredSize: number;
  /** where the compressed bytes begin in the file */
  dataStart: number;
}

/** Entries of an XLSX: a workbook has a dozen or two, one with many sheets a few hundred. */
export const MAX_ZIP_ENTRIES = 1_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** A zip that cannot be read as a workbook: damaged, encrypted, split over disks, or another compression. */
const unreadable = () => new AppError('import.not_spreadsheet', 415);
export const tooManyEntries = (count: number) => new AppError('import.too_many_entries', 422,
  { count: count.toLocaleString('vi-VN'), limit: MAX_ZIP_ENTRIES.toLocaleString('vi-VN') });
export const unpackedTooLarge = (limit: number) => new AppError('import.unpacked_too_large', 413, { limit: megabytes(limit) });

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('vi-VN')} MB`;

/** The central directory: at most MAX_ZIP_ENTRIES entries, each inside the file, stored or deflated, not encrypted. */
export function zipEntries(file: Buffer): Map<string, ZipEntry> {
  const eocd = findEndOfCentralDirectory(file);
  if (eocd < 0) throw unreadable();
  const disk = file.readUInt16LE(eocd + 4);
  const cdDisk = file.readUInt16LE(eocd + 6);
  const count = file.readUInt16LE(eocd + 10);
  const cdSize = file.readUInt32LE(eocd + 12);
  const cdOffset = file.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0) throw unreadable();
  // 0xFFFF means ZIP64, which only a file with more than 65,534 entries (or over 4 GB) needs
  if (count > MAX_ZIP_ENTRIES) throw tooManyEntries(count);
  if (cdOffset + cdSize > eocd) throw unreadable();

  const entries = new Map<string, ZipEntry>();
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || file.readUInt32LE(at) !== CENTRAL) throw unreadable();
    const flags = file.readUInt16LE(at + 8);
    const method = file.readUInt16LE(at + 10);
    const compressedSize = file.readUInt32LE(at + 20);
    const declaredSize = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const localOffset = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (at > eocd) throw unreadable();
    if ((flags & 1) !== 0 || (method !== STORED && method !== DEFLATED)) throw unreadable();
    if (localOffset + 30 > cdOffset || file.readUInt32LE(localOffset) !== LOCAL) throw unreadable();
    const dataStart = localOffset + 30 + file.readUInt16LE(localOffset + 26) + file.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > cdOffset) throw unreadable();
    entries.set(name, { name, method, compressedSize, declaredSize, dataStart });
  }
  return entries;
}

function findEndOfCentralDirectory(file: Buffer): number {
  // the record is 22 bytes and may be followed by a comment of up to 65,535
  const stop = Math.max(0, file.length - 22 - 0xffff);
  for (let at = file.length - 22; at >= stop; at--) {
    if (file.readUInt32LE(at) === EOCD && at + 22 + file.readUInt16LE(at + 20) === file.length) return at;
  }
  return -1;
}

/** A small part (workbook, relationships, styles) inflated whole, refused past `limit` bytes. */
export function inflateSmall(file: Buffer, entry: ZipEntry, limit: number): Buffer {
  if (entry.declaredSize > limit) throw unpackedTooLarge(limit);
  const data = file.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === STORED) return data;
  try {
    // maxOutputLength: zlib itself stops at the limit, whatever the entry declares
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw unpackedTooLarge(limit);
    throw unreadable();
  }
}

/**
 * A large part (a worksheet, the shared strings) inflated as a stream of chunks handed to `onChunk`,
 * stopped with 413 as soon as more than `limit` bytes have come out. Memory stays at a chunk or two;
 * an `onChunk` that answers a promise is awaited before the next chunk is inflated.
 */
export async function inflateStream(file: Buffer, entry: ZipEntry, limit: number,
  onChunk: (chunk: Buffer) => void | Promise<void>): Promise<number> {
  if (entry.declaredSize > limit) throw unpackedTooLarge(limit);
  const data = file.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === STORED) {
    for (let at = 0; at < data.length; at += CHUNK) await onChunk(data.subarray(at, at + CHUNK));
    return data.length;
  }
  const inflate = createInflateRaw({ chunkSize: CHUNK });
  let produced = 0;
  const feed = (async () => {
    for (let at = 0; at < data.length; at += CHUNK) {
      if (inflate.destroyed) return;
      if (!inflate.write(data.subarray(at, at + CHUNK))) await drained(inflate);
    }
    if (!inflate.destroyed) inflate.end();
  })();
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > limit) throw unpackedTooLarge(limit);
      await onChunk(chunk); // a reader that writes as it goes holds inflation back (nothing piles up)
    }
  } catch (error) {
    inflate.destroy();
    if (error instanceof AppError) throw error;
    throw unreadable();
  } finally {
    await feed.catch(() => undefined);
  }
  return produced;
}

const CHUNK = 64 * 1024;

/** Waits until the stream takes more input, or is closed (the reader stopped at a limit). */
function drained(stream: NodeJS.WritableStream & NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { stream.off('drain', done); stream.off('close', done); resolve(); };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
