import { describe, expect, it } from 'vitest';
import { joinVietnameseName, splitVietnameseName } from './names.ts';

describe('splitVietnameseName', () => {
  it.each([
    ['Nguyễn Văn Hòa', { family: 'Nguyễn', middle: 'Văn', given: 'Hòa' }],
    ['Lê Thị Thu Hà', { family: 'Lê', middle: 'Thị Thu', given: 'Hà' }],
    ['Tôn Nữ Thị Minh Khai', { family: 'Tôn', middle: 'Nữ Thị Minh', given: 'Khai' }],
    ['Nguyễn Hòa', { family: 'Nguyễn', middle: '', given: 'Hòa' }],
    ['Hòa', { family: '', middle: '', given: 'Hòa' }],
    ['  Trần   Thị\u00A0 Ánh \t', { family: 'Trần', middle: 'Thị', given: 'Ánh' }],
    ['', { family: '', middle: '', given: '' }],
    ['   ', { family: '', middle: '', given: '' }],
  ])('%j → family, middle, given', (full, expected) => {
    expect(splitVietnameseName(full)).toEqual(expected);
  });

  it('decomposed (NFD) input comes out precomposed (NFC)', () => {
    const parts = splitVietnameseName('Nguyễn Văn Hòa'.normalize('NFD'));
    expect(parts).toEqual({ family: 'Nguyễn', middle: 'Văn', given: 'Hòa' });
    expect(parts.family).toBe(parts.family.normalize('NFC'));
  });
});

describe('joinVietnameseName', () => {
  it.each([
    [{ family: 'Nguyễn', middle: 'Văn', given: 'Hòa' }, 'Nguyễn Văn Hòa'],
    [{ family: 'Lê', middle: 'Thị Thu', given: 'Hà' }, 'Lê Thị Thu Hà'],
    [{ family: 'Nguyễn', middle: '', given: 'Hòa' }, 'Nguyễn Hòa'],
    [{ family: '', middle: '', given: 'Hòa' }, 'Hòa'],
    [{ family: ' Trần ', middle: ' Thị   Minh ', given: 'Ánh ' }, 'Trần Thị Minh Ánh'],
    [{ family: '', middle: '', given: '' }, ''],
  ])('%j → %j', (parts, expected) => {
    expect(joinVietnameseName(parts)).toBe(expected);
  });

  it.each(['Nguyễn Văn Hòa', 'Lê Thị Thu Hà', 'Nguyễn Hòa', 'Hòa'])(
    'joining the split of %j gives the name back',
    (full) => {
      expect(joinVietnameseName(splitVietnameseName(full))).toBe(full);
    },
  );
});
