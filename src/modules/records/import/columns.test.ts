import { describe, expect, it } from 'vitest';
import { matchHeaders } from './columns.ts';

describe('matching headers', () => {
  it('ignores case, tone-mark placement and the explanation in brackets', () => {
    const found = ['MÃ CÁN BỘ', 'Mã đơn vị', 'năm', 'Hình thức', 'Loại khen thưởng', 'Nội dung', 'Số quyết định', 'Ngày quyết định', 'Cấp quyết định'];
    const match = matchHeaders('awards', found);
    expect(match.ok && match.positions.get('awardForm')).toBe(3);
  });

  it('refuses a missing, repeated or unknown column, but not the name columns of an export', () => {
    const ratings = ['Mã cán bộ', 'Mã đơn vị', 'Năm', 'Xếp loại', 'Số quyết định', 'Ngày quyết định', 'Cơ quan ban hành'];
    expect(matchHeaders('ratings', [...ratings, 'Họ và tên', 'Tên đơn vị']).ok).toBe(true);
    expect(matchHeaders('ratings', ratings.slice(1)).ok).toBe(false);
    expect(matchHeaders('ratings', [...ratings, 'Năm']).ok).toBe(false);
    expect(matchHeaders('ratings', [...ratings, 'Ghi chú']).ok).toBe(false);
  });
});
