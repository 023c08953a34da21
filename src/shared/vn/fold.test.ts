import { describe, expect, it } from 'vitest';
import { foldQuery, foldVietnamese, normalizeToneMarks } from './fold.ts';

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Văn Hòa', 'nguyen van hoa'],
    ['NGUYỄN VĂN HOÀ', 'nguyen van hoa'],
    ['Lê Thị Thu Hà', 'le thi thu ha'],
    ['Đặng Đức Đạt', 'dang duc dat'],
    ['Trường THPT Nguyễn Trãi', 'truong thpt nguyen trai'],
    ['Ủy ban nhân dân xã An Biên', 'uy ban nhan dan xa an bien'],
    ['Phòng GD&ĐT', 'phong gd dt'],
    ['Quyết định số 123/QĐ-UBND', 'quyet dinh so 123 qd ubnd'],
    ['  Trần\t\tThị \n Ánh  ', 'tran thi anh'],
    ['Ươm, ửng; ướt!', 'uom ung uot'],
    ['', ''],
    ['  ...  ', ''],
  ])('%j folds to %j', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('đ folds to d (and Đ, lower and upper case alike)', () => {
    expect(foldVietnamese('đ')).toBe('d');
    expect(foldVietnamese('Đ')).toBe('d');
    expect(foldVietnamese('Đoàn Đình Định')).toBe('doan dinh dinh');
  });

  it('the look-alike Ð/ð from legacy-encoded data folds to d like Đ', () => {
    expect(foldVietnamese('\u00D0ặng')).toBe('dang'); // Ð (eth) instead of Đ
    expect(foldVietnamese('\u00F0ức')).toBe('duc');
  });

  it("'nguyen van hoa' matches both Nguyễn Văn Hòa and Nguyễn Văn Hoà", () => {
    const query = foldQuery('nguyen van hoa');
    expect(foldVietnamese('Nguyễn Văn Hòa')).toBe(query);
    expect(foldVietnamese('Nguyễn Văn Hoà')).toBe(query);
  });

  it.each([
    ['Hòa', 'Hoà'],
    ['Thủy', 'Thuỷ'],
    ['Khóa', 'Khoá'],
    ['khỏe', 'khoẻ'],
    ['Túy', 'Tuý'],
    ['xòe', 'xoè'],
  ])('both tone placements fold identically: %s / %s', (oldStyle, newStyle) => {
    expect(foldVietnamese(oldStyle)).toBe(foldVietnamese(newStyle));
  });

  it.each(['Nguyễn Văn Hòa', 'Lê Thị Thu Hà', 'Đặng Quốc Việt', 'Phạm Thị Thuỷ', 'Ưng Hoàng Phúc'])(
    'precomposed (NFC) and decomposed (NFD) input fold the same: %s',
    (name) => {
      const nfc = name.normalize('NFC');
      const nfd = name.normalize('NFD');
      expect(nfc).not.toBe(nfd); // the test is only meaningful if they differ
      expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
    },
  );

  it('full-width letters and no-break spaces pasted from documents fold to plain text', () => {
    expect(foldVietnamese('ＡＮ\u00A0Biên')).toBe('an bien');
  });

  it('search input folds the same way as stored text', () => {
    expect(foldQuery('  Nguyễn   văn  HOÀ ')).toBe('nguyen van hoa');
  });
});

describe('normalizeToneMarks (app convention: traditional placement hòa, thủy, khỏe)', () => {
  it.each([
    // open oa / oe / uy: tone moves to the first vowel
    ['Hoà', 'Hòa'],
    ['hoá', 'hóa'],
    ['Khoả', 'Khỏa'],
    ['Thoã', 'Thõa'],
    ['Toạ', 'Tọa'],
    ['khoẻ', 'khỏe'],
    ['xoè', 'xòe'],
    ['Thuỷ', 'Thủy'],
    ['Tuý', 'Túy'],
    ['Huỳ', 'Hùy'],
    ['Luỹ', 'Lũy'],
    ['Thuỵ', 'Thụy'],
    ['HOÀ', 'HÒA'],
    ['THUỶ', 'THỦY'],
    ['Nguyễn Văn Hoà', 'Nguyễn Văn Hòa'],
    ['Phạm Thị Thuỷ, Lê Khoá', 'Phạm Thị Thủy, Lê Khóa'],
    // already traditional: unchanged
    ['Hòa', 'Hòa'],
    ['Thủy', 'Thủy'],
    ['khỏe', 'khỏe'],
    // a consonant or vowel follows: tone belongs on the second vowel in both styles
    ['Hoàng', 'Hoàng'],
    ['toán', 'toán'],
    ['Huỳnh', 'Huỳnh'],
    ['ngoài', 'ngoài'],
    ['xoáy', 'xoáy'],
    ['khuỵu', 'khuỵu'],
    ['Nguyễn', 'Nguyễn'],
    ['thuyết', 'thuyết'],
    ['hoặc', 'hoặc'],
    // misplaced tone before a final consonant is corrected
    ['Hòang', 'Hoàng'],
    ['Hùynh', 'Huỳnh'],
    ['ngòai', 'ngoài'],
    // qu + y: the u belongs to the consonant, never moved
    ['Quý', 'Quý'],
    ['Quỳnh', 'Quỳnh'],
    ['quỹ', 'quỹ'],
    ['QUÝ', 'QUÝ'],
    // other syllables untouched
    ['của', 'của'],
    ['mùa', 'mùa'],
    ['Hà', 'Hà'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeToneMarks(input)).toBe(expected);
  });

  it('output is NFC whatever the input form', () => {
    const out = normalizeToneMarks('Nguyễn Văn Hoà'.normalize('NFD'));
    expect(out).toBe('Nguyễn Văn Hòa');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('keeps spacing and punctuation as typed', () => {
    expect(normalizeToneMarks('  Hoà-Bình  ')).toBe('  Hòa-Bình  ');
  });
});
