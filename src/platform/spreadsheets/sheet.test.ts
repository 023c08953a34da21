import { describe, expect, it } from 'vitest';
import { parseCsv, sniffFormat } from './sheet.ts';

describe('reading CSV', () => {
  it('keeps quoted commas, doubled quotes and line breaks inside a field', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
  });

  it('reads the semicolons Excel writes in a Vietnamese locale', () => {
    expect(parseCsv('Mã cán bộ;Năm\nCB001;2024')).toEqual([['Mã cán bộ', 'Năm'], ['CB001', '2024']]);
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
