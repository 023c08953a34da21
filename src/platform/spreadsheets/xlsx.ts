import { AppError } from '../errors.ts';
import { GridBuilder, type Cell } from './grid.ts';
import { attribute, XmlStream, type XmlHandler } from './xml.ts';
import { inflateSmall, inflateStream, zipEntries, type ZipEntry } from './zip.ts';

/**
 * Reads the data sheet of an XLSX as a stream: the zip's central directory is checked first, the small
 * parts (workbook, relationships, styles) are inflated whole under a small limit, and the shared strings
 * and the worksheet are inflated chunk by chunk under their own limits and parsed as they come, so the
 * memory an upload takes is its strings and its rows, never the unpacked XML. Cells read as exceljs
 * read them: shared, inline and formula strings as text, numbers as numbers (as dates when their
 * format is a date format), booleans and errors as their text.
 */
export const XLSX_LIMITS = {
  /** the worksheet's XML: 100,000 rows of a dozen columns is some 40 MB */
  sheetBytes: 256 * 1024 * 1024,
  /** the shared strings' XML: every distinct text of the sheet */
  stringsBytes: 64 * 1024 * 1024,
  /** workbook, relationships, styles */
  partBytes: 8 * 1024 * 1024,
};

/** Excel's last column is XFD. */
const MAX_COLUMN = 16_384;

export const GUIDE_SHEET = 'Hướng dẫn';

const notWorkbook = () => new AppError('import.not_spreadsheet', 415);

export interface XlsxGrid { headers: Cell[]; rows: GridBuilder['rows'] }

export async function readXlsxGrid(file: Buffer, limits = XLSX_LIMITS): Promise<XlsxGrid> {
  const grid = new GridBuilder();
  await readXlsxRows(file, limits, grid);
  return { headers: grid.headers, rows: grid.rows };
}

/** Where the rows of a sheet go as they are parsed (row 1 included); `drain` is awaited after each inflated chunk. */
export interface RowSink { add(row: number, cells: Cell[]): void; drain?(): Promise<void> }

/** The data sheet's rows, in order, handed to `sink` as they are parsed (the shared strings are read first). */
export async function readXlsxRows(file: Buffer, limits: typeof XLSX_LIMITS, sink: RowSink): Promise<void> {
  const entries = zipEntries(file);
  const find = (path: string): ZipEntry | undefined => {
    const clean = path.replace(/^\/+/, '');
    return entries.get(clean) ?? [...entries.values()].find((e) => e.name.toLowerCase() === clean.toLowerCase());
  };
  const small = (path: string) => {
    const entry = find(path);
    return entry ? inflateSmall(file, entry, limits.partBytes).toString('utf8') : null;
  };

  const rootRels = small('_rels/.rels');
  const workbookPath = (rootRels && relationships(rootRels, '').find((r) => r.type.endsWith('/officeDocument'))?.target) ?? 'xl/workbook.xml';
  const workbook = small(workbookPath);
  if (workbook === null) throw notWorkbook();
  const base = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const rels = relationships(small(`${base}_rels/${workbookPath.slice(base.length)}.rels`) ?? '', base);
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook);

  // the data sheet is the first one; the template's "Hướng dẫn" sheet is for reading
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].map((m) => ({
    name: attribute(m[1]!, 'name') ?? '', rel: attribute(m[1]!, 'id'),
  }));
  const sheet = sheets.find((s) => s.name !== GUIDE_SHEET) ?? sheets[0];
  const sheetEntry = sheet && find(rels.find((r) => r.id === sheet.rel)?.target ?? '');
  if (!sheetEntry) throw notWorkbook();

  const stylesXml = small(rels.find((r) => r.type.endsWith('/styles'))?.target ?? `${base}styles.xml`);
  const dateStyles = stylesXml ? dateStyleIndexes(stylesXml) : new Set<number>();
  const stringsEntry = find(rels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? `${base}sharedStrings.xml`);
  const strings = stringsEntry ? await sharedStrings(file, stringsEntry, limits.stringsBytes) : [];

  await parseXml(file, sheetEntry, limits.sheetBytes, worksheetHandler(sink, { strings, dateStyles, date1904 }), sink.drain?.bind(sink));
}

async function parseXml(file: Buffer, entry: ZipEntry, limit: number, handler: XmlHandler, drain?: () => Promise<void>) {
  const xml = new XmlStream(handler);
  const decoder = new TextDecoder('utf-8');
  await inflateStream(file, entry, limit, (chunk) => {
    xml.feed(decoder.decode(chunk, { stream: true }));
    return drain?.();
  });
  xml.feed(decoder.decode());
  xml.end();
}

interface Relationship { id: string; type: string; target: string }

/** A .rels part: targets made absolute within the zip (they are relative to the part's folder). */
function relationships(xml: string, base: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const target = attribute(m[1]!, 'Target') ?? '';
    return { id: attribute(m[1]!, 'Id') ?? '', type: attribute(m[1]!, 'Type') ?? '', target: resolvePath(base, target) };
  });
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

// built-in number formats that show a date or a time (ECMA-376 18.8.30 and the East Asian ones)
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** exceljs's test: a format with y, m, d, h, s outside quotes and brackets shows a date. */
const isDateFormat = (format: string) => /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** The indexes of cellXfs (a cell's s="…") whose number format is a date. */
function dateStyleIndexes(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    custom.set(Number(attribute(m[1]!, 'numFmtId')), attribute(m[1]!, 'formatCode') ?? '');
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const dates = new Set<number>();
  [...cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)].forEach((m, index) => {
    const id = Number(attribute(m[1]!, 'numFmtId') ?? 0);
    const format = custom.get(id);
    if (format !== undefined ? isDateFormat(format) : DATE_FORMAT_IDS.has(id)) dates.add(index);
  });
  return dates;
}

/** The shared strings: the text runs of each <si>, phonetic guides (<rPh>) left out. */
async function sharedStrings(file: Buffer, entry: ZipEntry, limit: number): Promise<string[]> {
  const strings: string[] = [];
  let parts: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  await parseXml(file, entry, limit, {
    open(name) {
      if (name === 'si') parts = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inT = true;
    },
    close(name) {
      if (name === 'si') { strings.push(parts ? parts.join('') : ''); parts = null; }
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text(value) { parts?.push(value); },
    wantText: () => inT && parts !== null,
  });
  return strings;
}

interface SheetContext { strings: readonly string[]; dateStyles: ReadonlySet<number>; date1904: boolean }

/** exceljs's conversion: days since 30/12/1899 (or 1/1/1904) to a UTC instant. */
const excelToDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

function columnIndex(ref: string): number {
  let index = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    index = index * 26 + (c - 64);
    if (index > MAX_COLUMN) throw notWorkbook();
  }
  return index - 1;
}

function worksheetHandler(grid: RowSink, ctx: SheetContext): XmlHandler {
  let rowNumber = 0;
  let cells: Cell[] | null = null;
  let column = -1;
  let type = '';
  let style = -1;
  let value: string[] | null = null; // the text of <v> or of <is><t>
  let want = false;
  let inline = false;
  let phonetic = 0;

  const cellValue = (raw: string): Cell => {
    switch (type) {
      case 's': return ctx.strings[Number(raw)] ?? null;
      case 'str': case 'inlineStr': case 'e': return raw;
      case 'b': return raw === '1' || raw === 'true' ? 'true' : 'false';
      case 'd': { const d = new Date(raw); return Number.isNaN(d.getTime()) ? raw : d; }
      default: {
        if (raw.trim() === '') return null;
        const n = Number(raw);
        if (Number.isNaN(n)) return raw;
        return ctx.dateStyles.has(style) ? excelToDate(n, ctx.date1904) : n;
      }
    }
  };

  return {
    open(name, tag) {
      switch (name) {
        case 'row': {
          const r = attribute(tag, 'r');
          rowNumber = r ? Number(r) : rowNumber + 1;
          if (!Number.isInteger(rowNumber) || rowNumber < 1) throw notWorkbook();
          cells = [];
          column = -1;
          break;
        }
        case 'c': {
          const ref = attribute(tag, 'r');
          column = ref ? columnIndex(ref) : column + 1;
          if (column < 0 || column >= MAX_COLUMN) throw notWorkbook();
          type = attribute(tag, 't') ?? 'n';
          style = Number(attribute(tag, 's') ?? 0);
          value = null;
          inline = false;
          break;
        }
        case 'v': if (cells) { value = []; want = true; } break;
        case 'is': inline = true; value = []; break;
        case 'rPh': phonetic++; break;
        case 't': if (inline && phonetic === 0) want = true; break;
      }
    },
    close(name) {
      switch (name) {
        case 'v': case 't': want = false; break;
        case 'rPh': phonetic--; break;
        case 'is': inline = false; break;
        case 'c': {
          if (!cells || value === null) break;
          const cell = cellValue(value.join(''));
          if (cell === null) break;
          while (cells.length < column) cells.push(null);
          cells[column] = cell;
          value = null;
          break;
        }
        case 'row': {
          if (cells) grid.add(rowNumber, cells);
          cells = null;
          break;
        }
      }
    },
    text(piece) { value?.push(piece); },
    wantText: () => want,
  };
}
