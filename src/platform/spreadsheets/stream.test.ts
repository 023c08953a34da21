import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvRowCounter, streamSheet } from './stream.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-stream-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The counter's answer for `bytes` given in pieces of `piece` bytes. */
function counted(bytes: Buffer, piece: number): number {
  const counter = new CsvRowCounter();
  for (let i = 0; i < bytes.length; i += piece) counter.push(bytes.subarray(i, i + piece));
  return counter.end();
}

/** The data rows the reader itself finds in the file. */
async function read(bytes: Buffer): Promise<number> {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, bytes);
  return (await streamSheet(file, { maxRows: 1_000_000, sheetBytes: 1 << 20 }, { headers() {}, async rows() {} })).rows;
}

const BOM = '\ufeff';
const CASES: Record<string, string> = {
  'plain, CRLF, with a BOM': `${BOM}Mã,Năm\r\nCB1,2020\r\nCB2,2021\r\n`,
  'no final line break': 'Mã,Năm\nCB1,2020\nCB2,2021',
  'blank rows and rows of empty cells are passed over': 'Mã,Năm\n\n,\n  ,  \n"",""\nCB1,2020\n\r\n',
  'line breaks and doubled quotes inside quotes': 'Mã,Lý do\nCB1,"dòng một\ndòng hai"\nCB2,"nói ""có""\r\nrồi"\n"CB3","x"\n',
  'semicolons (Excel in a Vietnamese locale)': 'Mã;Năm;Lý do\nCB1;2020;"a;\nb"\nCB2;2021;c\n',
  'a quote inside an unquoted field is a character': 'Mã,Ghi chú\nCB1,a"b\nCB2,"x\ny"\n',
  'text after a closing quote belongs to the field': 'Mã,Ghi chú\n"CB1"x,"y"z\n"",""\n',
  'a header that is quoted over two lines': '"Mã\ncán bộ",Năm\nCB1,2020\n',
  'only Vietnamese letters in a row': 'Họ tên\nĐỗ\nÝ\n',
};

describe('CsvRowCounter: data rows counted as the upload arrives', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`never more than the reader finds, and as many on ordinary files: ${name}`, async () => {
      const bytes = Buffer.from(text);
      const rows = await read(bytes);
      for (const piece of [1, 3, 7, bytes.length]) expect(counted(bytes, piece)).toBeLessThanOrEqual(rows);
      if (!name.startsWith('only Vietnamese')) for (const piece of [1, 3, 7, bytes.length]) expect(counted(bytes, piece)).toBe(rows);
    });
  }

  it('counts a file of many rows exactly, in the pieces a socket gives', async () => {
    const lines = ['Mã,Năm,Lý do', ...Array.from({ length: 5_000 }, (_, i) => `CB${i},2020,"Lý do ""số"" ${i}\r\nhai dòng"`)];
    const bytes = Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`);
    expect(await read(bytes)).toBe(5_000);
    expect(counted(bytes, 65_536)).toBe(5_000);
    expect(counted(bytes, 1_000)).toBe(5_000);
  });

  it('does not count a zip (XLSX), a PDF or a file with NUL bytes', () => {
    const rows = Buffer.from('\nA,B\nC,D\nE,F\n'.repeat(10));
    expect(counted(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), rows]), 2)).toBe(0);
    expect(counted(Buffer.concat([Buffer.from('%PDF-1.7'), rows]), 5)).toBe(0);
    expect(counted(Buffer.concat([Buffer.from('A,B\nC,D\n'), Buffer.from([0]), rows]), 4)).toBe(0);
  });
});
