import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_CELLS, MAX_ROWS, parseCsv, readSheet, sniffFormat, writeXlsx, XLSX_LIMITS } from './sheet.ts';
import { XmlStream } from './xml.ts';
import { MAX_ZIP_ENTRIES } from './zip.ts';
import { minimalXlsx, SHEET_END, SHEET_START, sheetBomb, writeZip } from './zip.testing.ts';

describe('reading CSV', () => {
  it('keeps quoted commas, doubled quotes and line breaks inside a field', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
  });

  it('reads the semicolons Excel writes in a Vietnamese locale', () => {
    expect(parseCsv('Mã cán bộ;Năm\nCB001;2024')).toEqual([['Mã cán bộ', 'Năm'], ['CB001', '2024']]);
  });

  it('keeps empty fields at the end of a line and of the file', () => {
    expect(parseCsv('a,b,\nc,,\n\nd,')).toEqual([['a', 'b', ''], ['c', '', ''], [''], ['d', '']]);
  });

  it('a line wider than Excel\'s last column is not a spreadsheet (415)', () => {
    expect(() => parseCsv(`${','.repeat(20_000)}\n`)).toThrow('import.not_spreadsheet');
  });

  it('more than 200,000 rows are refused (400) while reading', async () => {
    const csv = Buffer.from(`Mã\n${'CB1\n'.repeat(MAX_ROWS + 1)}`);
    await expect(readSheet(csv)).rejects.toMatchObject({ code: 'import.too_many_rows', status: 400 });
    const rows = await readSheet(Buffer.from(`Mã\n${'CB1\n'.repeat(MAX_ROWS)}`));
    expect(rows.rows).toHaveLength(MAX_ROWS);
  });
});

describe('telling a spreadsheet from anything else', () => {
  it('a zip is XLSX, UTF-8 text is CSV, binary and PDF are refused', () => {
    expect(sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]))).toBe('xlsx');
    expect(sniffFormat(Buffer.from('Mã cán bộ,Năm\n'))).toBe('csv');
    expect(() => sniffFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toThrow('import.not_spreadsheet');
    expect(() => sniffFormat(Buffer.from('%PDF-1.4\n'))).toThrow('import.not_spreadsheet');
    expect(() => sniffFormat(Buffer.from([0x4d, 0xe3, 0x20]))).toThrow('import.not_spreadsheet'); // Windows-1258, not UTF-8
  });
});

describe('reading XLSX as it streams', () => {
  it('reads what exceljs writes: shared and rich text, dates as dates, numbers, formulas\' results, booleans; blank rows passed over', async () => {
    const file = await writeXlsx({
      name: 'Cán bộ', columns: [{ header: 'Mã & "tên"', width: 10 }, { header: 'Từ ngày', width: 12, date: true }, { header: 'Số', width: 6 }],
      rows: [
        ['CB<001>', new Date(Date.UTC(2015, 0, 1)), 12.5],
        [null, null, null],
        ['Nguyễn Thị Hoa', '01/02/2020', null],
        [{ richText: [{ text: 'Trần ' }, { text: 'Văn An' }] } as never, true as never, { formula: 'C2*2', result: 25 } as never],
      ],
      guide: [{ title: 'Cách điền', lines: ['Dòng 1 là tiêu đề cột'] }],
    });
    const sheet = await readSheet(file);
    expect(sheet.format).toBe('xlsx');
    expect(sheet.headers).toEqual(['Mã & "tên"', 'Từ ngày', 'Số']);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['CB<001>', new Date(Date.UTC(2015, 0, 1)), 12.5] },
      { row: 4, cells: ['Nguyễn Thị Hoa', '01/02/2020'] },
      { row: 5, cells: ['Trần Văn An', 'true', 25] },
    ]);
  });

  it('reads the data sheet when the "Hướng dẫn" sheet comes first, and inline strings as Excel 365 may write them', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hướng dẫn').addRow(['Đọc trước']);
    const data = workbook.addWorksheet('Dữ liệu');
    data.addRow(['Mã cán bộ', 'Năm']);
    data.addRow(['CB001', 2024]);
    expect((await readSheet(Buffer.from(await workbook.xlsx.writeBuffer()))).rows).toEqual([{ row: 2, cells: ['CB001', 2024] }]);

    const inline = minimalXlsx(Buffer.from(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="C1" t="inlineStr"><is><r><t>Năm </t></r><r><t>sinh</t></r><rPh><t>x</t></rPh></is></c></row>`
      + `<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">CB&#x1EA0;&amp;1</t></is></c><c r="C3"><v>1985</v></c></row>${SHEET_END}`));
    expect(await readSheet(inline)).toEqual({ format: 'xlsx', headers: ['Mã', '', 'Năm sinh'], rows: [{ row: 3, cells: ['CBẠ&1', null, 1985] }] });
  });

  it('a zip bomb that declares a small sheet is stopped once the limit is inflated (413), holding a few megabytes', async () => {
    // 1 GB of XML in a 1 MB file, declared as 1 KB: the limit is on the bytes inflation produces
    const file = minimalXlsx(sheetBomb(1024, `${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>Mã cán bộ</t></is></c></row>`), { declaredSize: 1024 });
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const peak = await peakMemoryGrowth(() => readSheet(file).then(() => expect.unreachable(), (error: unknown) => {
      expect(error).toMatchObject({ code: 'import.unpacked_too_large', status: 413, params: { limit: '256 MB' } });
    }));
    // the sheet limit is 256 MB and the bomb 1 GB: the reader held neither
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });

  it('a sheet that declares more than the limit is refused before it is inflated (413)', async () => {
    // not deflate data at all: inflating it would fail as a damaged file (415), so 413 says it was never tried
    const file = minimalXlsx({ deflated: Buffer.alloc(1000, 0xff), size: 1000 }, { declaredSize: XLSX_LIMITS.sheetBytes + 1 });
    await expect(readSheet(file)).rejects.toMatchObject({ code: 'import.unpacked_too_large', status: 413 });
    const damaged = minimalXlsx({ deflated: Buffer.alloc(1000, 0xff), size: 1000 });
    await expect(readSheet(damaged)).rejects.toMatchObject({ code: 'import.not_spreadsheet', status: 415 });
  });

  it('a zip of 20,000 entries is refused (422) from its central directory', async () => {
    const parts = Array.from({ length: 20_000 }, (_, i) => ({ name: `xl/media/${i}.xml`, data: Buffer.from('<x/>') }));
    const file = minimalXlsx(Buffer.from(`${SHEET_START}${SHEET_END}`), { extra: parts });
    await expect(readSheet(file)).rejects.toMatchObject({ code: 'import.too_many_entries', status: 422, params: { count: '20.005', limit: '1.000' } });
    const justUnder = minimalXlsx(Buffer.from(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row>${SHEET_END}`),
      { extra: parts.slice(0, MAX_ZIP_ENTRIES - 5) });
    expect((await readSheet(justUnder)).headers).toEqual(['Mã']);
  });

  it('more than 200,000 rows are refused (400) while the sheet streams', async () => {
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join('');
    const file = minimalXlsx(Buffer.from(`${SHEET_START}<row r="1"><c r="A1"><v>1</v></c></row>${rows}${SHEET_END}`));
    await expect(readSheet(file)).rejects.toMatchObject({ code: 'import.too_many_rows', status: 400 });
  });

  it('rows stretched to the last column count as wide as they are: too many cells (413)', async () => {
    const rows = Array.from({ length: Math.ceil(MAX_CELLS / 16_384) + 1 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
    const file = minimalXlsx(Buffer.from(`${SHEET_START}${rows}${SHEET_END}`));
    await expect(readSheet(file)).rejects.toMatchObject({ code: 'import.too_many_cells', status: 413 });
  });

  it('a zip that is not a workbook, or whose entries point outside it, is not a spreadsheet (415)', async () => {
    await expect(readSheet(writeZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]))).rejects.toMatchObject({ status: 415 });
    const file = minimalXlsx(Buffer.from(`${SHEET_START}${SHEET_END}`));
    // the sheet's entry in the central directory (its name's last occurrence) points past the end of the file
    const broken = Buffer.from(file);
    broken.writeUInt32LE(0xfffffff0, broken.lastIndexOf('xl/worksheets/sheet1.xml') - 46 + 42);
    await expect(readSheet(broken)).rejects.toMatchObject({ code: 'import.not_spreadsheet', status: 415 });
    expect((await readSheet(file)).format).toBe('xlsx');
  });
});

describe('the streaming XML reader', () => {
  it('gives the same text and tags whatever the chunks: entities, tags and quoted ">" cut anywhere', () => {
    const xml = '<?xml version="1.0"?><root a="x > y"><!-- a <comment> --><t>Mã &amp; tên &#7840;</t><e/><t><![CDATA[<b>]]></t></root>';
    const read = (size: number) => {
      const events: string[] = [];
      let inT = false;
      const stream = new XmlStream({
        open: (name, tag) => { events.push(`<${name}|${tag}`); inT = name === 't'; },
        close: (name) => { events.push(`</${name}`); inT = false; },
        text: (value) => events.push(value),
        wantText: () => inT,
      });
      for (let i = 0; i < xml.length; i += size) stream.feed(xml.slice(i, i + size));
      stream.end();
      return events.join('').replace(/(?<=>|^)(?=[^<])/g, '');
    };
    const whole = read(xml.length);
    expect(whole).toBe('<root|root a="x > y"<t|tMã & tên Ạ</t<e|e</e<t|t<b></t</root');
    for (const size of [1, 2, 3, 5, 7]) expect(read(size)).toBe(whole);
  });
});

/** The largest growth of heap and buffers seen while `work` runs (sampled every few milliseconds). */
async function peakMemoryGrowth(work: () => Promise<unknown>): Promise<number> {
  const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
  const base = used();
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, used() - base); }, 2);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, used() - base);
}
