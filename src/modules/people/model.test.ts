import { describe, expect, it } from 'vitest';
import { findOverlap, isDirectWorker } from './model.ts';

describe('direct workers (người trực tiếp lao động, sản xuất, công tác)', () => {
  it('workers, farmers, co-operative members, soldiers, teachers and nurses count; leaders and office posts do not', () => {
    for (const post of ['Công nhân', 'Nông dân', 'Thành viên Hợp tác xã', 'Chiến sĩ', 'Giáo viên', 'Điều dưỡng', 'Y sĩ', 'Nhân viên']) {
      expect(isDirectWorker(post, false), post).toBe(true);
    }
    for (const post of ['Chuyên viên', 'Kế toán', 'Văn thư', 'Giám đốc Sở', 'Trưởng thôn', 'Công chức Văn phòng – Thống kê']) {
      expect(isDirectWorker(post, false), post).toBe(false);
    }
  });

  it('a leader never counts, whatever the post is called', () => {
    expect(isDirectWorker('Giáo viên', true)).toBe(false);
  });

  it('reads the post unaccented and in any case', () => {
    expect(isDirectWorker('  CÔNG NHÂN vận hành', false)).toBe(true);
  });
});

describe('employment periods', () => {
  it('two periods of one person may not overlap', () => {
    const existing = [{ id: 'a', startDate: '2015-01-01', endDate: '2020-12-31' }];
    expect(findOverlap(existing, { startDate: '2020-06-01', endDate: null })?.id).toBe('a');
    expect(findOverlap(existing, { startDate: '2021-01-01', endDate: null })).toBeUndefined();
  });
});
