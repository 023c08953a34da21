import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Zip files written byte by byte for tests of the reader's bounds: any entry count, sizes declared as
 * one likes (a zip bomb lies about them), and a sheet whose XML inflates to far more than its file.
 */
export interface ZipPart {
  name: string;
  /** the entry's content, deflated here; or `raw`, deflate data made by the caller */
  data?: Buffer;
  raw?: { deflated: Buffer; size: number };
  /** the uncompressed size the zip declares (by default the true one) */
  declaredSize?: number;
}

export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const deflated = part.raw?.deflated ?? deflateRawSync(part.data ?? Buffer.alloc(0));
    const size = part.raw?.size ?? part.data?.length ?? 0;
    const crc = part.data ? crc32(part.data) : 0;
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(deflated.length, 18); local.writeUInt32LE(declared >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(deflated.length, 20); central.writeUInt32LE(declared >>> 0, 24);
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    centrals.push(central, name);
    offset += 30 + name.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 8); end.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
  + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
  + 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Cán bộ" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
export const SHEET_START = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_END = '</sheetData></worksheet>';

/** A workbook of one sheet, its XML given (or given as deflate data), without shared strings or styles. */
export function minimalXlsx(sheet: ZipPart['data'] | ZipPart['raw'], options: { declaredSize?: number; extra?: ZipPart[] } = {}): Buffer {
  const sheetPart: ZipPart = Buffer.isBuffer(sheet) ? { name: 'xl/worksheets/sheet1.xml', data: sheet } : { name: 'xl/worksheets/sheet1.xml', raw: sheet };
  if (options.declaredSize !== undefined) sheetPart.declaredSize = options.declaredSize;
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) }, { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) }, { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
    sheetPart, ...(options.extra ?? []),
  ]);
}

/**
 * A zip bomb: sheet XML that inflates to `megabytes` MB of blank space between the opening rows and
 * the closing tags, from about a kilobyte per megabyte. Blocks ending in a full flush are byte-aligned
 * and self-contained, so one deflated megabyte is repeated rather than compressing a gigabyte here.
 */
export function sheetBomb(megabytes: number, head = SHEET_START): { deflated: Buffer; size: number } {
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
  const start = deflateRawSync(Buffer.from(head), flush);
  const blank = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), flush);
  const end = deflateRawSync(Buffer.from(SHEET_END));
  return { deflated: Buffer.concat([start, ...Array.from({ length: megabytes }, () => blank), end]), size: Buffer.byteLength(head) + megabytes * 1024 * 1024 + SHEET_END.length };
}
