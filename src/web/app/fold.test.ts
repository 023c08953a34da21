import { describe, expect, it } from 'vitest';
import { foldQuery as serverFoldQuery, foldVietnamese as serverFold } from '../../platform/vn/index.ts';
import { foldQuery, foldVietnamese } from '../../shared/vn/fold.ts';
import { buildTree, filterTree } from '../features/organisations/tree.ts';
import type { Org } from '../features/organisations/types.ts';

/** Names that once folded differently in the browser and on the server. */
const TRICKY: [text: string, folded: string][] = [
  ['Phòng GD&ĐT', 'phong gd dt'],
  ['PHÒNG GD&ĐT HUYỆN MƯỜNG LA', 'phong gd dt huyen muong la'],
  ['Hoà', 'hoa'],
  ['Hòa', 'hoa'],
  ['Nguyễn Thị Ánh', 'nguyen thi anh'],
  ['Nguye\u0302\u0303n Thi\u0323 A\u0301nh', 'nguyen thi anh'], // combining marks (NFD, as pasted from macOS or a PDF)
  ['ĐOÀN ĐÌNH ĐỊNH', 'doan dinh dinh'],
  ['Thuỷ / Thủy', 'thuy thuy'],
  ['  Trường  THPT\u00A0Chuyên  ', 'truong thpt chuyen'],
];

describe('the browser folds Vietnamese as the server does', () => {
  it.each(TRICKY)('%j folds to %j on both sides', (text, folded) => {
    expect(foldVietnamese(text)).toBe(folded);
    expect(serverFold(text)).toBe(folded);
    expect(foldQuery(text)).toBe(serverFoldQuery(text));
  });

  it('precomposed and combining marks meet in the same folded string', () => {
    expect(foldVietnamese('Nguyễn Thị Ánh'.normalize('NFD'))).toBe(foldVietnamese('Nguyễn Thị Ánh'.normalize('NFC')));
  });

  it('finds "Phòng GD&ĐT" in the organisation tree however the search is typed', () => {
    const org = (id: string, name: string, parentId: string | null = null) => ({ id, name, parentId, shortName: null }) as Org;
    const tree = buildTree([org('tinh', 'UBND tỉnh Sơn La'), org('pgd', 'Phòng GD&ĐT huyện Mường La', 'tinh'), org('hoa', 'Trường Tiểu học Hoà Bình', 'tinh')]);
    for (const query of ['phong gd dt', 'Phòng GD&ĐT', 'PHONG GD&DT', 'gd&đt huyện']) {
      expect([...(filterTree(tree, query)?.visible ?? [])].sort(), query).toEqual(['pgd', 'tinh']);
    }
    expect([...(filterTree(tree, 'hòa bình')?.visible ?? [])].sort()).toEqual(['hoa', 'tinh']);
  });
});
