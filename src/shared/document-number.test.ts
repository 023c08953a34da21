import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, isDocumentSymbol, parseDocumentNumber, parseSequenceNumber } from './document-number.ts';

describe('document numbers as written (Decree 30/2020)', () => {
  it('splits a whole number typed or pasted into its sequence number and symbol', () => {
    expect(parseDocumentNumber('512/QĐ-SGDĐT')).toEqual({ number: 512, symbol: 'QĐ-SGDĐT' });
    expect(parseDocumentNumber(' Số 05 / qđ-ubnd ')).toEqual({ number: 5, symbol: 'QĐ-UBND' });
    expect(parseDocumentNumber('12/KH-SGD&ĐT')).toEqual({ number: 12, symbol: 'KH-SGD&ĐT' });
    expect(parseDocumentNumber('512')).toBeNull();
    expect(parseDocumentNumber('-512/QĐ-UBND')).toBeNull();
    expect(parseDocumentNumber('512/QĐ--UBND')).toBeNull();
    expect(parseDocumentNumber('05/2023/TT-BNV')).toBeNull();
  });

  it('never bends text into a number: signs, decimals, letters and zero are refused', () => {
    expect(parseSequenceNumber('512')).toBe(512);
    expect(parseSequenceNumber('007')).toBe(7);
    for (const bad of ['-512', '1.5', '512/QĐ', 'abc', '0', '', '1e3', '1234567']) expect(parseSequenceNumber(bad)).toBeNull();
  });

  it('knows a symbol: capitals with Đ, digits, & and single dashes', () => {
    for (const good of ['QĐ-UBND', 'KH-HĐTĐKT', 'QĐ-SGD&ĐT', 'KH', 'QĐ-UBND2']) expect(isDocumentSymbol(good)).toBe(true);
    for (const bad of ['', 'qđ-ubnd', 'QĐ UBND', '-QĐ', 'QĐ-', 'QĐ/UBND', 'QĐ--UBND']) expect(isDocumentSymbol(bad)).toBe(false);
  });

  it('writes a number below 10 with a leading zero', () => {
    expect(formatDocumentNumber(5, 'QĐ-UBND')).toBe('05/QĐ-UBND');
    expect(formatDocumentNumber(245, 'KH-UBND')).toBe('245/KH-UBND');
  });
});
