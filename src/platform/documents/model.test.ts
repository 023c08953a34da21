import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_KINDS,
  VIETNAMESE_ITEM_LETTERS,
  headerLines,
  itemLetter,
  kindTitle,
  legalBasisLines,
  numberLine,
  parseInline,
  placeDateLine,
  plainText,
  recipientLines,
  romanNumeral,
  sectionLabel,
  sectionNumbers,
  signatureLines,
} from './model.ts';

describe('numberLine', () => {
  it.each([
    [118, 'KH-UBND', 'Số: 118/KH-UBND'],
    [10, 'QĐ-UBND', 'Số: 10/QĐ-UBND'],
    [5, 'KH-UBND', 'Số: 05/KH-UBND'],
    [1, 'TTr-UBND', 'Số: 01/TTr-UBND'],
  ])('%i/%s → %s', (number, symbol, expected) => {
    expect(numberLine({ number, symbol })).toBe(expected);
  });

  it('leaves a blank for an unnumbered draft', () => {
    expect(numberLine({ number: null, symbol: 'KH-UBND' })).toBe('Số:      /KH-UBND');
  });

  it.each([0, -3, 2.5, Number.NaN])('rejects %s', (number) => {
    expect(() => numberLine({ number, symbol: 'KH-UBND' })).toThrow(RangeError);
  });
});

describe('placeDateLine', () => {
  it('uses the long date form with the place', () => {
    expect(placeDateLine({ place: 'An Biên', date: '2019-09-17' })).toBe('An Biên, ngày 17 tháng 9 năm 2019');
  });

  it('pads days below 10 and months 1–2', () => {
    expect(placeDateLine({ place: 'Rạch Giá', date: '2020-01-05' })).toBe(
      'Rạch Giá, ngày 05 tháng 01 năm 2020',
    );
  });

  it('prints blanks for a draft', () => {
    expect(placeDateLine({ place: 'An Biên', date: null })).toBe(
      'An Biên, ngày      tháng      năm 20…',
    );
    expect(placeDateLine({ place: '  ', date: null })).toBe('ngày      tháng      năm 20…');
  });
});

describe('kinds', () => {
  it('maps every code to its caps title', () => {
    expect(kindTitle({ kind: 'KH' })).toBe('KẾ HOẠCH');
    expect(kindTitle({ kind: 'QD' })).toBe('QUYẾT ĐỊNH');
    expect(kindTitle({ kind: 'TTr' })).toBe('TỜ TRÌNH');
    expect(Object.keys(DOCUMENT_KINDS)).toEqual(['KH', 'QD', 'TTr', 'BC', 'BB', 'HD', 'TB', 'CT']);
  });
});

describe('legalBasisLines', () => {
  it('ends each basis with ";" and the last with "."', () => {
    expect(
      legalBasisLines([
        'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
        'Căn cứ Nghị định số 98/2023/NĐ-CP;',
        'Căn cứ Kế hoạch số 127/KH-UBND ngày 19/8/2019 của Ủy ban nhân dân tỉnh Kiên Giang.',
      ]),
    ).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 98/2023/NĐ-CP;',
      'Căn cứ Kế hoạch số 127/KH-UBND ngày 19/8/2019 của Ủy ban nhân dân tỉnh Kiên Giang.',
    ]);
  });

  it('a single basis ends with "." and blanks are dropped', () => {
    expect(legalBasisLines(['Căn cứ A;  ', '   '])).toEqual(['Căn cứ A.']);
    expect(legalBasisLines([])).toEqual([]);
  });
});

describe('item letters', () => {
  it('follow the Vietnamese order: đ after d, no f/j/w/z', () => {
    const first = Array.from({ length: 23 }, (_, i) => itemLetter(i));
    expect(first.join(' ')).toBe('a b c d đ e g h i k l m n o p q r s t u v x y');
    expect(first).toEqual([...VIETNAMESE_ITEM_LETTERS]);
    for (const missing of ['f', 'j', 'w', 'z']) expect(first).not.toContain(missing);
    expect(first.indexOf('đ')).toBe(first.indexOf('d') + 1);
  });

  it('continue with double letters past y', () => {
    expect(itemLetter(23)).toBe('aa');
    expect(itemLetter(24)).toBe('ab');
    expect(() => itemLetter(-1)).toThrow(RangeError);
  });
});

describe('section numbering', () => {
  it('roman numerals', () => {
    expect([1, 2, 3, 4, 9, 14, 40].map(romanNumeral)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL']);
  });

  it('labels by depth', () => {
    expect(sectionLabel(0, 1)).toBe('II.');
    expect(sectionLabel(1, 1)).toBe('2.');
    expect(sectionLabel(2, 4)).toBe('đ)');
    expect(sectionLabel(3, 0)).toBe('-');
  });

  it('numbers a tree I → 1 → a), restarting under each parent', () => {
    const flat = sectionNumbers([
      {
        title: 'MỤC ĐÍCH, YÊU CẦU',
        children: [
          { title: 'Mục đích:', paragraphs: ['p1'] },
          { title: 'Yêu cầu:', children: [{ title: 'x' }, { title: 'y' }, { title: 'z' }, { title: 'v' }, { title: 'w' }] },
        ],
      },
      { title: 'TỔ CHỨC THỰC HIỆN', children: [{ title: 'Phòng Nội vụ' }] },
      { title: '' },
    ]);
    expect(flat.map((s) => s.heading)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích:',
      '2. Yêu cầu:',
      'a) x',
      'b) y',
      'c) z',
      'd) v',
      'đ) w',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Phòng Nội vụ',
      'III.',
    ]);
    expect(flat[1]).toMatchObject({ depth: 1, label: '1.', paragraphs: ['p1'] });
  });
});

describe('header, signature and recipients', () => {
  it('breaks an issuing body after ỦY BAN NHÂN DÂN unless told where', () => {
    expect(headerLines('ỦY BAN NHÂN DÂN HUYỆN AN BIÊN')).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN AN BIÊN']);
    expect(headerLines('SỞ NỘI VỤ\nBAN THI ĐUA - KHEN THƯỞNG')).toEqual(['SỞ NỘI VỤ', 'BAN THI ĐUA - KHEN THƯỞNG']);
    expect(headerLines('UBND TỈNH KIÊN GIANG')).toEqual(['UBND TỈNH KIÊN GIANG']);
    expect(headerLines('')).toEqual([]);
  });

  it('signature lines', () => {
    expect(
      signatureLines({ authority: 'TM.', authorityBody: 'ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'A' }),
    ).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(
      signatureLines({ authority: 'KT.', authorityBody: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'A' }),
    ).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signatureLines({ authority: null, authorityBody: '', title: 'CHỦ TỊCH', name: 'A' })).toEqual([
      'CHỦ TỊCH',
    ]);
  });

  it('recipients end with the archive line', () => {
    expect(recipientLines({ recipients: ['Sở Nội vụ;', '- Thường trực Huyện ủy'], archive: ['NV'] })).toEqual([
      '- Sở Nội vụ;',
      '- Thường trực Huyện ủy;',
      '- Lưu: VT, NV.',
    ]);
    expect(recipientLines({ recipients: [] })).toEqual(['- Lưu: VT.']);
  });
});

describe('inline markup', () => {
  it('parses bold, italic and both', () => {
    expect(parseInline('a **b** *c* ***d*** \\*e')).toEqual([
      { text: 'a ', bold: false, italic: false },
      { text: 'b', bold: true, italic: false },
      { text: ' ', bold: false, italic: false },
      { text: 'c', bold: false, italic: true },
      { text: ' ', bold: false, italic: false },
      { text: 'd', bold: true, italic: true },
      { text: ' *e', bold: false, italic: false },
    ]);
    expect(plainText('**“Thi đua”**: *x*')).toBe('“Thi đua”: x');
  });
});
