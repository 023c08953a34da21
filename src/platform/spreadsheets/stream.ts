import fs from 'node:fs';
import { AppError } from '../errors.ts';
import { isBlank, type Cell, type SheetRow } from './grid.ts';
import { csvDelimiter, scanCsv } from './sheet.ts';
import { readXlsxRows, XLSX_LIMITS, type RowSink } from './xlsx.ts';

/**
 * A spreadsheet file on disk read as a stream, for imports too large to hold whole (the records import
 * of a million rows): CSV piece by piece, XLSX through xlsx.ts's streaming sheet reader, and the rows
 * handed on in batches that the reader waits for, so memory holds one batch, not the file. Bounds: the
 * rows (a configured cap, refused with 422 naming it), the cells of a batch, and what an XLSX worksheet
 * may unpack to (the zip-bomb bound of xlsx.ts, here configured).
 */
export interface StreamLimits {
  maxRows: number;
  /** what the worksheet of an XLSX may unpack to */
  sheetBytes: number;
}

export interface SheetStream {
  /** row 1, as text; may throw (headers that do not match) before any data row is read */
  headers(headers: string[], format: 'xlsx' | 'csv'): void;
  /** the next data rows (blank rows passed over), in order; the reader waits for it */
  rows(rows: SheetRow[]): Promise<void>;
}

const BATCH_ROWS = 10_000;
/** a batch is handed on early when its rows are wide, so a sheet of XFD-wide rows stays small in memory */
const BATCH_CELLS = 1_000_000;
const READ_CHUNK = 1024 * 1024;
/** one unfinished CSV record (a quoted field never closed) may not grow past this */
const MAX_PENDING = 16 * 1024 * 1024;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NOT_SHEETS = [Buffer.from('%PDF'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0])];
const notSpreadsheet = () => new AppError('import.not_spreadsheet', 415);

export const tooManyRows = (limit: number) => new AppError('import.too_many_rows', 422, { limit: limit.toLocaleString('vi-VN') });

const headerText = (c: Cell) => (c === null ? '' : c instanceof Date ? c.toISOString() : String(c));

/** Collects rows into batches under the bounds; `drain` hands a full batch on. */
class Batcher implements RowSink {
  private pending: SheetRow[] = [];
  private cells = 0;
  private sawHeaders = false;
  count = 0;
  constructor(private readonly format: 'xlsx' | 'csv', private readonly limits: StreamLimits, private readonly out: SheetStream) {}

  add(row: number, cells: Cell[]) {
    if (row === 1) { this.sawHeaders = true; this.out.headers(cells.map(headerText), this.format); return; }
    if (row < 2 || isBlank(cells)) return;
    if (!this.sawHeaders) { this.sawHeaders = true; this.out.headers([], this.format); }
    if (++this.count > this.limits.maxRows) throw tooManyRows(this.limits.maxRows);
    this.pending.push({ row, cells });
    this.cells += cells.length;
  }

  async drain(force = false) {
    if (this.pending.length === 0 || (!force && this.pending.length < BATCH_ROWS && this.cells < BATCH_CELLS)) return;
    const batch = this.pending;
    this.pending = [];
    this.cells = 0;
    await this.out.rows(batch);
  }

  async end() {
    if (!this.sawHeaders) this.out.headers([], this.format);
    await this.drain(true);
  }
}

/**
 * Counts, as the bytes of an upload go by, the data rows a CSV certainly has — so a file over the row cap
 * is refused while it arrives, before anything is read or written. It follows the reader's quoting (a field
 * quoted from its first character, doubled quotes inside, line breaks inside quotes belong to the field) and
 * counts a record after the header only when it holds a printable ASCII character outside the quoting, which
 * no blank row does: the count never exceeds the rows the reader finds. A zip (XLSX) or a file with NUL bytes
 * or another format's signature is not counted (`rows` stays 0); the reader decides about those.
 */
export class CsvRowCounter {
  /** data rows certainly in the file so far */
  rows = 0;
  private delimiter = -1;
  private head: Buffer[] = [];
  private headBytes = 0;
  private off = false;
  private state: 'start' | 'plain' | 'quoted' | 'quote' | 'after' = 'start';
  private content = false;
  private header = true;
  private checked = false;

  /** Takes the next bytes of the upload; answers the count so far. */
  push(chunk: Buffer): number {
    if (this.off) return this.rows;
    if (this.delimiter >= 0) return this.scan(chunk);
    // the header line decides the delimiter, as the reader does: held until its line break
    this.head.push(chunk);
    this.headBytes += chunk.length;
    const lineEnd = chunk.indexOf(0x0a) >= 0;
    if (!this.checked && (this.headBytes >= 4 || lineEnd)) {
      this.checked = true;
      const first = Buffer.concat(this.head).subarray(0, 4);
      if (first.equals(ZIP) || NOT_SHEETS.some((magic) => first.subarray(0, magic.length).equals(magic))) return this.stop();
    }
    if (!lineEnd) return this.headBytes > MAX_PENDING ? this.stop() : this.rows;
    const bytes = Buffer.concat(this.head);
    this.head = [];
    this.delimiter = csvDelimiter(bytes.toString('latin1')).charCodeAt(0);
    return this.scan(bytes);
  }

  /** The end of the upload (a file without a line break is one record: the header). */
  end(): number {
    if (this.off) return 0;
    this.head = []; // no line break at all: the header alone, or records the reader splits at "\r" (not counted)
    if (!this.header && this.content) this.rows++;
    this.content = false;
    return this.rows;
  }

  private stop() {
    this.off = true;
    this.head = [];
    this.rows = 0;
    return 0;
  }

  private scan(bytes: Buffer): number {
    const d = this.delimiter;
    let { state, content } = this;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === 0) return this.stop();
      if (state === 'quoted') {
        if (b === 0x22) state = 'quote';
        else if (b > 0x20 && b < 0x7f) content = true;
        continue;
      }
      if (state === 'quote') {
        if (b === 0x22) { state = 'quoted'; content = true; continue; } // a doubled quote: the field holds one
        state = 'after';
      }
      if (b === 0x0a || b === 0x0d) {
        if (content && !this.header) this.rows++;
        this.header = false;
        content = false;
        state = 'start';
      } else if (b === d) {
        state = 'start';
      } else if (state === 'start' && b === 0x22) {
        state = 'quoted';
      } else {
        if (state === 'start') state = 'plain';
        if (b > 0x20 && b < 0x7f) content = true;
      }
    }
    this.state = state;
    this.content = content;
    return this.rows;
  }
}

/** Reads the file at `filePath` (XLSX when it is a zip, CSV when it is UTF-8 text; else 415). Answers the data rows' count. */
export async function streamSheet(filePath: string, limits: StreamLimits, out: SheetStream): Promise<{ format: 'xlsx' | 'csv'; rows: number }> {
  const head = Buffer.alloc(4);
  const fd = await fs.promises.open(filePath, 'r');
  const { bytesRead } = await fd.read(head, 0, 4, 0).finally(() => fd.close());
  if (bytesRead === 0 || NOT_SHEETS.some((magic) => head.subarray(0, magic.length).equals(magic))) throw notSpreadsheet();
  const format = head.equals(ZIP) ? 'xlsx' : 'csv';
  const batcher = new Batcher(format, limits, out);
  if (format === 'xlsx') {
    // the compressed file is bounded by the upload limit; what it unpacks to is streamed under sheetBytes
    await readXlsxRows(await fs.promises.readFile(filePath), { ...XLSX_LIMITS, sheetBytes: limits.sheetBytes }, batcher);
  } else {
    await readCsvFile(filePath, batcher);
  }
  await batcher.end();
  return { format, rows: batcher.count };
}

async function readCsvFile(filePath: string, batcher: Batcher) {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let pending = '';
  let delimiter: string | null = null;
  let record = 0;
  const emit = (fields: string[]) => { record++; batcher.add(record, fields.map((f) => f.normalize('NFC'))); };
  let first = true;
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>) {
    let bytes = chunk;
    if (first && bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
    first = false;
    if (bytes.includes(0)) throw notSpreadsheet();
    let text: string;
    try {
      text = pending + decoder.decode(bytes, { stream: true });
    } catch {
      throw notSpreadsheet();
    }
    // the header line decides the delimiter: wait for its line break (or the file's end)
    if (delimiter === null && !/\r?\n/.test(text)) { pending = text; continue; }
    delimiter ??= csvDelimiter(text);
    const consumed = scanCsv(text, delimiter, true, emit);
    pending = text.slice(consumed);
    if (pending.length > MAX_PENDING) throw notSpreadsheet();
    await batcher.drain();
  }
  let rest: string;
  try {
    rest = pending + decoder.decode();
  } catch {
    throw notSpreadsheet();
  }
  if (rest.length > 0) scanCsv(rest, delimiter ?? csvDelimiter(rest), false, emit);
}
