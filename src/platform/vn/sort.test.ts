import { describe, expect, it } from 'vitest';
import { splitVietnameseName } from './names.ts';
import { personSortKey, textSortKey } from './sort.ts';

/** Sort with plain `<` on the keys, as JS and COLLATE "C" do. */
function sortBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

const sortTexts = (xs: readonly string[]): string[] => sortBy(xs, textSortKey);
const sortNames = (xs: readonly string[]): string[] =>
  sortBy(xs, (n) => personSortKey(splitVietnameseName(n)));

/** Deterministic shuffle so the input order never happens to be the answer. */
function scramble<T>(xs: readonly T[]): T[] {
  return xs.map((x, i) => ({ x, k: (i * 7919 + 13) % 101 })).sort((a, b) => a.k - b.k).map((p) => p.x);
}

describe('personSortKey', () => {
  it('names sort by given name, then middle, then family', () => {
    // Worked out by hand:
    //  - given names first: an < anh < ăn < ân < dung < đuc < ha < hai
    //  - Trần Thị Ánh before Nguyễn Văn Anh: same given letters, so the middle
    //    name decides (thi < van); the tone only breaks a tie of the whole name
    //  - the three "Hà/Hạ": middle Thị < Thị Thu (shorter first), and with
    //    middle equal the family decides (Đặng < Trần)
    const expected = [
      'Nguyễn Văn An',
      'Trần Thị Ánh',
      'Nguyễn Văn Anh',
      'Lý Thị Ăn',
      'Lê Văn Ân',
      'Hoàng Văn Dũng',
      'Nguyễn Minh Đức',
      'Đặng Thị Hà',
      'Trần Thị Hạ',
      'Lê Thị Thu Hà',
      'Đỗ Văn Hải',
    ];
    const input = scramble(expected);
    expect(input).not.toEqual(expected);
    expect(sortNames(input)).toEqual(expected);
  });

  it('the family name decides only when given and middle names are equal', () => {
    const expected = ['Bùi Văn Nam', 'Đinh Văn Nam', 'Lê Văn Nam', 'Nguyễn Văn Nam', 'Vũ Văn Nam'];
    expect(sortNames(scramble(expected))).toEqual(expected);
  });

  it('tone marks only break a tie after the whole name: Anh before Ánh', () => {
    expect(sortNames(['Nguyễn Văn Ánh', 'Nguyễn Văn Anh'])).toEqual(['Nguyễn Văn Anh', 'Nguyễn Văn Ánh']);
  });

  it('a person with no middle name sorts before one with a middle name', () => {
    expect(sortNames(['Nguyễn Văn Hòa', 'Nguyễn Hòa'])).toEqual(['Nguyễn Hòa', 'Nguyễn Văn Hòa']);
  });

  it('Hòa and Hoà, upper and lower case, NFC and NFD get the same key', () => {
    const key = personSortKey({ family: 'Nguyễn', middle: 'Văn', given: 'Hòa' });
    expect(personSortKey({ family: 'Nguyễn', middle: 'Văn', given: 'Hoà' })).toBe(key);
    expect(personSortKey({ family: 'NGUYỄN', middle: 'VĂN', given: 'HÒA' })).toBe(key);
    expect(
      personSortKey({
        family: 'Nguyễn'.normalize('NFD'),
        middle: 'Văn'.normalize('NFD'),
        given: 'Hòa'.normalize('NFD'),
      }),
    ).toBe(key);
  });

  it('documented example key', () => {
    expect(personSortKey({ family: 'Nguyễn', middle: 'Văn', given: 'Hòa' })).toBe(
      'h0o0a0+v0a1n0+n0g0u0y0e1n0!103',
    );
  });
});

describe('textSortKey', () => {
  it('letters follow the Vietnamese alphabet a ă â b c d đ e ê … o ô ơ … u ư … y, digits first', () => {
    const alphabet = 'a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z'.split(' ');
    const expected = ['0', '5', '9', ...alphabet];
    expect(sortTexts(scramble(expected))).toEqual(expected);
  });

  it('case-insensitive: upper and lower case get the same key', () => {
    expect(textSortKey('Ô')).toBe(textSortKey('ô'));
    expect(textSortKey('ĐOÀN THANH NIÊN')).toBe(textSortKey('Đoàn Thanh niên'));
    expect(sortTexts(['Ơ', 'Ô', 'o'])).toEqual(['o', 'Ô', 'Ơ']);
  });

  it('a shorter word comes first: An < Anh, and An Bình < Anh', () => {
    expect(sortTexts(['Anh', 'An Bình', 'An'])).toEqual(['An', 'An Bình', 'Anh']);
  });

  it('Anh < Ánh < Ăn < Ân: base letters first, tone only as tiebreak', () => {
    const expected = ['An', 'Anh', 'Ánh', 'Ăn', 'Ân'];
    expect(sortTexts(scramble(expected))).toEqual(expected);
  });

  it('Dũng before Đức: d comes before đ whatever follows', () => {
    expect(sortTexts(['Đức', 'Dũng', 'Đa', 'Dương'])).toEqual(['Dũng', 'Dương', 'Đa', 'Đức']);
  });

  it('Hà before Hạ before Hải', () => {
    expect(sortTexts(['Hải', 'Hạ', 'Hà'])).toEqual(['Hà', 'Hạ', 'Hải']);
  });

  it('tone order: none, huyền, hỏi, ngã, sắc, nặng', () => {
    const expected = ['ma', 'mà', 'mả', 'mã', 'má', 'mạ'];
    expect(sortTexts(scramble(expected))).toEqual(expected);
  });

  it('numbers in organisation names sort by value: Tổ 2 before Tổ 10', () => {
    const expected = ['Chi bộ 1', 'Chi bộ 2', 'Chi bộ 9', 'Chi bộ 10', 'Chi bộ 100', 'Chi bộ A'];
    expect(sortTexts(scramble(expected))).toEqual(expected);
    expect(textSortKey('Tổ 007')).toBe(textSortKey('Tổ 7'));
  });

  it('organisation names sort word by word, ignoring punctuation', () => {
    // "GD" < "Giáo": compared letter by letter, d comes before i
    const expected = [
      'Phòng GD&ĐT',
      'Phòng Giáo dục',
      'Phòng Nội vụ',
      'Trường THCS An Biên',
      'Trường THCS Đông Thái',
      'Trường THPT An Biên',
      'UBND xã Đông Yên',
    ];
    expect(sortTexts(scramble(expected))).toEqual(expected);
  });

  it('keys are printable ASCII without space, quotes, backslash, % or _', () => {
    const samples = [
      'Nguyễn Văn Hòa',
      'Ưng Hoàng Phúc',
      'Phòng GD&ĐT',
      'Tổ 12345678901234567890',
      'Müller-Ørsted',
      '北京',
      '',
    ];
    for (const s of samples) {
      expect(textSortKey(s)).toMatch(/^[\x21-\x7e]*$/);
      expect(textSortKey(s)).not.toMatch(/['"\\%_ ]/);
    }
  });

  it('JS < on keys agrees with bytewise (COLLATE "C") comparison', () => {
    const names = ['Ân', 'An', 'Đức', 'Dũng', 'Hạ', 'Hải', 'Tổ 10', 'Tổ 2'];
    const byJs = sortTexts(names);
    const byBytes = [...names].sort((a, b) =>
      Buffer.compare(Buffer.from(textSortKey(a), 'utf8'), Buffer.from(textSortKey(b), 'utf8')),
    );
    expect(byBytes).toEqual(byJs);
  });

  it('NFC and NFD input give the same key', () => {
    expect(textSortKey('Trường THCS Đông Thái'.normalize('NFD'))).toBe(textSortKey('Trường THCS Đông Thái'));
  });
});
